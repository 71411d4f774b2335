// Text-size controls ("Cỡ chữ") in real Chromium: what a reader notices when they change the size of an article.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { build } from '../../src/index.js';
import { browserSuite, launchChromium, skipBrowserTests } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { article, makeSite } from '../helpers/site.js';

// The callbacks handed to the page run in Chromium, but tsconfig has no DOM library (bantin runs
// in Node): these name the few browser globals they use, for this file only.
declare const document: any;
declare const window: any;
declare const location: { pathname: string };
declare const localStorage: any;
declare const Storage: any;
declare const MutationObserver: any;
declare function getComputedStyle(element: unknown): { fontSize: string };

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const STORAGE_KEY = 'bantin:co-chu';
const SITE_TITLE = 'Bản tin Thử nghiệm';

/** Unbreakable text that must wrap instead of pushing the page sideways on a phone. */
const LONG_WORD = 'MưalớnkéodàinhiềungàyliêntiếpkhiếnnướcsôngdângcaovượtmứcbáođộngbaởnhiềuđịaphươngmiềnTrung';
const LONG_URL =
  'https://thong-tin.example.vn/tin-tuc/2024/10/02/mua-lon-keo-dai-o-cac-tinh-mien-trung-va-cac-bien-phap-ung-pho-cua-chinh-quyen-dia-phuong-trong-mua-bao-nam-nay.html';

const FIRST = {
  slug: 'mua-lon-mien-trung',
  title: 'Mưa lớn kéo dài ở các tỉnh miền Trung',
  author: 'Trần Minh Anh',
  summary: 'Nhiều địa phương từ Quảng Bình đến Quảng Ngãi ghi nhận lượng mưa trên 300 mm trong hai ngày qua.',
};
const SECOND = {
  slug: 'gia-lua-tang',
  title: 'Giá lúa tăng ở Đồng bằng sông Cửu Long',
  author: 'Lê Thu Hà',
  summary: `Thương lái thu mua lúa tươi cao hơn tuần trước 300–500 đồng/kg; chi tiết tại ${LONG_URL}`,
};
const THIRD = {
  slug: 'thu-vien-hue',
  title: 'Khai trương thư viện mới ở Huế',
  author: 'Nguyễn Văn Bình',
  summary: 'Thư viện có hơn 40.000 đầu sách và mở cửa miễn phí cho học sinh.',
};

const PARAGRAPHS = [
  'Theo Đài Khí tượng Thủy văn khu vực Trung Trung Bộ, mưa lớn bắt đầu từ chiều 30/9 và còn kéo dài đến hết ngày 3/10. Nhiều tuyến đường liên xã bị ngập sâu, giao thông bị chia cắt cục bộ.',
  'Chính quyền các huyện đã di dời hơn 1.200 hộ dân ở vùng trũng thấp đến nơi an toàn, chuẩn bị lương thực, nước uống và thuốc men cho những ngày tới.',
  `Người dân có thể theo dõi mực nước các sông tại ${LONG_URL} hoặc gọi đường dây nóng của tỉnh.`,
  `Một từ rất dài để thử xuống dòng: ${LONG_WORD}.`,
  'Ngành nông nghiệp khuyến cáo bà con chủ động tiêu nước cho lúa hè thu muộn, gia cố chuồng trại và không ra khơi khi có cảnh báo.',
  'Các trường học ở vùng ngập đã cho học sinh nghỉ học tạm thời; lịch học bù sẽ được thông báo sau khi nước rút.',
];

function fixtureArticle(fields: typeof FIRST, date: string): string {
  const body = [
    ...PARAGRAPHS.slice(0, 3),
    '## Ứng phó tại chỗ',
    ...PARAGRAPHS.slice(3),
    '> Không chủ quan với mưa lũ, nhất là vào ban đêm.',
    ...PARAGRAPHS,
  ].join('\n\n');
  const quoted = (text: string) => JSON.stringify(text);
  return article(
    { title: quoted(fields.title), slug: fields.slug, date, author: quoted(fields.author), summary: quoted(fields.summary) },
    body,
  );
}

interface TextSizes {
  body: number;
  title: number;
  lead: number;
}

function readTextSizes(page: Page): Promise<TextSizes> {
  return page.evaluate(() => {
    const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
    return { body: px('.article__body p'), title: px('.article__title'), lead: px('.article__lead') };
  });
}

function controls(page: Page) {
  const group = page.getByRole('group', { name: 'Cỡ chữ', exact: true });
  return {
    group,
    smaller: group.getByRole('button', { name: 'A− Giảm cỡ chữ', exact: true }),
    reset: group.getByRole('button', { name: 'A Cỡ chữ mặc định', exact: true }),
    larger: group.getByRole('button', { name: 'A+ Tăng cỡ chữ', exact: true }),
    status: group.getByRole('status'),
  };
}

/** Clicks until the button is disabled; returns how many clicks that took. */
async function clickUntilDisabled(button: Locator): Promise<number> {
  let clicks = 0;
  while (await button.isEnabled()) {
    if (++clicks > 20) throw new Error('the button never became disabled');
    await button.click();
  }
  return clicks;
}

function storedSize(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Follows the first link named `name` (a title can be linked twice, e.g. in "next" and "other news"). */
async function follow(page: Page, name: string, path: string, server: StaticServer): Promise<void> {
  await Promise.all([page.waitForURL(server.url(path)), page.getByRole('link', { name, exact: true }).first().click()]);
}

let outDir: string;

beforeAll(async () => {
  const root = await makeSite({
    'bantin.yaml': `title: "${SITE_TITLE}"\nlanguage: vi\n`,
    'content/mua-lon.md': fixtureArticle(FIRST, '2024-10-02 08:30'),
    'content/gia-lua.md': fixtureArticle(SECOND, '2024-10-01'),
    'content/thu-vien.md': fixtureArticle(THIRD, '2024-09-30'),
  });
  ({ outDir } = await build({ root, templatesDir: TEMPLATES }));
});

describe('text-size script weight', () => {
  it('ships under 2 KiB of script: the inline head script plus assets/text-size.<hash>.js', async () => {
    const html = await readFile(join(outDir, FIRST.slug, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const inline = [...head.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain(STORAGE_KEY);
    const src = /<script src="\.\.\/(assets\/text-size\.[0-9a-f]{8}\.js)" defer>/.exec(head)?.[1];
    expect(src).toBeDefined();
    const deferred = await readFile(join(outDir, src!));
    expect(Buffer.byteLength(inline[0]!, 'utf8') + deferred.byteLength).toBeLessThan(2048);
  });
});

describe.skipIf(skipBrowserTests)(browserSuite('text-size controls in Chromium'), () => {
  let browser: Browser;
  let server: StaticServer;
  /** The article's sizes for a reader who never touched the controls. */
  let standard: TextSizes;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  /** A page in a fresh browser profile (empty localStorage); every script error is recorded. */
  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function openArticle(options: BrowserContextOptions = {}): Promise<Page> {
    const page = await newPage(options);
    await page.goto(server.url(`${FIRST.slug}/`));
    return page;
  }

  /** Why there is no browser; then every test fails with it (a failing beforeAll only skips them). */
  let unavailable: unknown;

  beforeAll(async () => {
    try {
      browser = await launchChromium();
    } catch (error) {
      unavailable = error;
      return;
    }
    server = await serve(outDir);
    const page = await openArticle();
    standard = await readTextSizes(page);
    await page.context().close();
  });

  beforeEach(() => {
    if (unavailable) throw unavailable;
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'script errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('A+ twice makes the body, the title and the lead larger', async () => {
    const page = await openArticle();
    const { larger } = controls(page);
    await larger.click();
    await larger.click();
    const now = await readTextSizes(page);
    expect(now.body).toBeGreaterThan(standard.body);
    expect(now.body / standard.body).toBeCloseTo(1.25, 2);
    expect(now.title).toBeGreaterThan(standard.title);
    expect(now.lead).toBeGreaterThan(standard.lead);
  });

  it("starts from the reader's own browser font size, and A+ scales from there", async () => {
    const page = await newPage();
    // Chromium's "Font size" setting (chrome://settings/fonts): 24 px instead of the default 16 px.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.goto(server.url(`${FIRST.slug}/`));
    const rootSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootSize, 'the browser setting took effect').toBe(24);

    const reader = await readTextSizes(page);
    expect(reader.body / standard.body).toBeCloseTo(24 / 16, 2);
    expect(reader.title / standard.title).toBeCloseTo(24 / 16, 2);
    expect(reader.lead / standard.lead).toBeCloseTo(24 / 16, 2);

    await controls(page).larger.click();
    await controls(page).larger.click();
    expect((await readTextSizes(page)).body / reader.body).toBeCloseTo(1.25, 2);
  });

  it('keeps the chosen size after a reload', async () => {
    const page = await openArticle();
    await controls(page).larger.click();
    await controls(page).larger.click();
    const chosen = await readTextSizes(page);
    await page.reload();
    expect(await readTextSizes(page)).toEqual(chosen);
    expect(await storedSize(page)).toBe('125');
  });

  it('keeps the chosen size on the next article the reader opens', async () => {
    const page = await openArticle();
    await controls(page).larger.click();
    await controls(page).larger.click();
    await follow(page, SECOND.title, `${SECOND.slug}/`, server);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SECOND.title);
    expect((await readTextSizes(page)).body / standard.body).toBeCloseTo(1.25, 2);
    expect(await controls(page).status.textContent()).toBe('');
  });

  it('shows the chosen size on a page that Back restores from the back/forward cache', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      window.addEventListener('pageshow', (event: { persisted: boolean }) => {
        window.__restored = event.persisted;
      });
    });
    await page.goto(server.url(`${FIRST.slug}/`));
    await follow(page, SECOND.title, `${SECOND.slug}/`, server);
    await controls(page).larger.click();
    await controls(page).larger.click();

    // A page restored from the cache fires no load event, so wait for its pageshow instead.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction((slug) => location.pathname === `/${slug}/` && window.__restored !== undefined, FIRST.slug);
    expect(await page.evaluate(() => window.__restored), 'restored from the back/forward cache').toBe(true);
    expect((await readTextSizes(page)).body / standard.body).toBeCloseTo(1.25, 2);
    expect(await controls(page).reset.isEnabled()).toBe(true);
    expect(await controls(page).status.textContent()).toBe('');
  });

  it('A goes back to the default size, and is disabled there', async () => {
    const page = await openArticle();
    const { larger, reset, smaller } = controls(page);
    expect(await reset.isDisabled()).toBe(true);
    expect(await smaller.isEnabled()).toBe(true);
    expect(await larger.isEnabled()).toBe(true);
    await larger.click();
    await larger.click();
    expect(await reset.isEnabled()).toBe(true);
    await reset.click();
    expect(await readTextSizes(page)).toEqual(standard);
    expect(await reset.isDisabled()).toBe(true);
    expect(await storedSize(page)).toBe('100');
  });

  it('stops at twice the default size and at a little below it', async () => {
    const page = await openArticle();
    const { larger, smaller } = controls(page);
    expect(await clickUntilDisabled(larger)).toBe(5);
    expect((await readTextSizes(page)).body / standard.body).toBeGreaterThanOrEqual(1.99);
    expect(await larger.isDisabled()).toBe(true);
    expect(await smaller.isEnabled()).toBe(true);

    await clickUntilDisabled(smaller);
    expect((await readTextSizes(page)).body).toBeLessThan(standard.body);
    expect(await smaller.isDisabled()).toBe(true);
    expect(await larger.isEnabled()).toBe(true);
  });

  it('at the largest size a 360 px phone has no sideways scrolling, on the article and the home page', async () => {
    const page = await openArticle({ viewport: { width: 360, height: 740 } });
    expect(await page.getByText(LONG_WORD).count()).toBeGreaterThan(0);
    await clickUntilDisabled(controls(page).larger);
    expect(await hasHorizontalScroll(page)).toBe(false);

    await follow(page, SITE_TITLE, '', server);
    expect(await storedSize(page)).toBe('200');
    expect(await page.getByText(LONG_URL).count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
  });

  it('without JavaScript the article reads in full, the controls are hidden and links work', async () => {
    const page = await openArticle({ javaScriptEnabled: false });
    expect(await page.getByRole('heading', { level: 1, name: FIRST.title }).isVisible()).toBe(true);
    expect(await page.locator('.article__lead').textContent()).toBe(FIRST.summary);
    expect(await page.locator('.article__body p').first().isVisible()).toBe(true);
    expect(await page.locator('.article__author').innerText()).toContain(FIRST.author);
    expect(await page.locator('.text-size').isVisible()).toBe(false);
    expect(await readTextSizes(page)).toEqual(standard);

    await follow(page, THIRD.title, `${THIRD.slug}/`, server);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(THIRD.title);
    await follow(page, SITE_TITLE, '', server);
    expect(await page.getByRole('heading', { level: 2, name: SECOND.title }).isVisible()).toBe(true);
  });

  it.each(['9999', 'abc', '-1', ''])('ignores a stored size of %j and shows the default', async (stored) => {
    const page = await newPage();
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, stored] as const);
    await page.goto(server.url(`${FIRST.slug}/`));
    expect(await readTextSizes(page)).toEqual(standard);
    const { larger, reset, status } = controls(page);
    expect(await reset.isDisabled()).toBe(true);
    await larger.click();
    expect(await status.textContent()).toContain('110%');
  });

  const brokenStorage = {
    'getItem and setItem throw': () => {
      const refuse = () => {
        throw new Error('storage is off');
      };
      Storage.prototype.getItem = refuse;
      Storage.prototype.setItem = refuse;
    },
    // What Chromium does when the reader blocks site data.
    'reading localStorage itself throws': () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new Error('Access is denied for this document.');
        },
      });
    },
  };

  it.each(Object.entries(brokenStorage))('works when %s', async (_name, breakStorage) => {
    const page = await newPage();
    await page.addInitScript(breakStorage);
    await page.goto(server.url(`${FIRST.slug}/`));
    expect(await readTextSizes(page)).toEqual(standard);
    await controls(page).larger.click();
    expect((await readTextSizes(page)).body).toBeGreaterThan(standard.body);
    expect(await controls(page).status.textContent()).toContain('110%');
  });

  it('a stored size of 150% is in place before the article is first painted', async () => {
    const page = await newPage();
    await page.addInitScript((key) => localStorage.setItem(key, '150'), STORAGE_KEY);
    // Mutation callbacks run before the browser may paint the nodes they report.
    await page.addInitScript(() => {
      const seen: Record<string, unknown> = {};
      window.__firstSeen = seen;
      new MutationObserver((_records: unknown, observer: { disconnect(): void }) => {
        const html = document.documentElement;
        if (!('body' in seen) && document.body) {
          seen.body = { coChu: html.style.getPropertyValue('--co-chu'), js: html.classList.contains('js') };
        }
        const article = document.querySelector('.article');
        if (!('article' in seen) && article) seen.article = parseFloat(getComputedStyle(article).fontSize);
        if ('body' in seen && 'article' in seen) observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url(`${FIRST.slug}/`));
    const seen = (await page.evaluate(() => window.__firstSeen)) as { body: { coChu: string; js: boolean }; article: number };
    expect(seen.body).toEqual({ coChu: '1.5', js: true });
    expect(seen.article / standard.body).toBeCloseTo(1.5, 2);
  });

  it('does not set the size again once loaded: setting it lays the whole page out again', async () => {
    for (const stored of [undefined, '150']) {
      const page = await newPage();
      if (stored) await page.addInitScript(([key, size]) => localStorage.setItem(key!, size!), [STORAGE_KEY, stored]);
      await page.addInitScript(() => {
        window.__styleSets = 0;
        new MutationObserver((records: unknown[]) => (window.__styleSets += records.length)).observe(document, { attributes: true, attributeFilter: ['style'], subtree: true });
      });
      await page.goto(server.url(`${FIRST.slug}/`), { waitUntil: 'load' });
      // The script in the head sets a stored size once, before the first paint; nothing sets it after.
      expect(await page.evaluate(() => window.__styleSets)).toBe(stored ? 1 : 0);
      await controls(page).larger.click();
      expect(await page.evaluate(() => window.__styleSets)).toBe(stored ? 2 : 1);
    }
  });

  it('announces the new size in the live region after each click, and not on load', async () => {
    const page = await openArticle();
    const { larger, reset, status } = controls(page);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe('');
    await larger.click();
    expect(await status.textContent()).toBe('Cỡ chữ hiện tại: 110%');
    await larger.click();
    await larger.click();
    expect(await status.textContent()).toContain('150%');
    await reset.click();
    expect(await status.textContent()).toContain('100%');
  });

  it('is a labelled group of buttons whose names start with the text they show', async () => {
    const page = await openArticle();
    const { group, smaller, reset, larger } = controls(page);
    expect(await group.isVisible()).toBe(true);
    for (const [button, shown] of [[smaller, 'A−'], [reset, 'A'], [larger, 'A+']] as const) {
      expect(await button.count()).toBe(1);
      // Text a sighted reader sees: text nodes in boxes larger than the 1 px visually-hidden ones.
      const visible = await button.evaluate((element: any) => {
        const texts: string[] = [];
        for (const node of element.querySelectorAll('*')) {
          const box = node.getBoundingClientRect();
          if (box.width > 1 && box.height > 1 && node.children.length === 0) texts.push(node.textContent.trim());
        }
        return texts.join(' ');
      });
      expect(visible).toBe(shown);
      const name = /button "([^"]*)"/.exec(await button.ariaSnapshot())?.[1];
      expect(name?.startsWith(`${shown} `)).toBe(true);
      const box = await button.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    }
  });

  it('works from the keyboard, and keeps focus on a control when a button becomes disabled', async () => {
    const page = await openArticle();
    const { larger } = controls(page);
    await larger.focus();
    for (let presses = 0; presses < 5; presses++) await page.keyboard.press(presses % 2 ? 'Space' : 'Enter');
    expect(await larger.isDisabled()).toBe(true);
    expect((await readTextSizes(page)).body / standard.body).toBeCloseTo(2, 2);
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return { inControls: Boolean(element.closest('.text-size')), disabled: Boolean(element.disabled) };
    });
    expect(focused).toEqual({ inControls: true, disabled: false });
  });

  it('requests nothing from any other server', async () => {
    const page = await newPage();
    const requested: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(server.url(`${FIRST.slug}/`));
    await controls(page).larger.click();
    await follow(page, SITE_TITLE, '', server);
    await page.waitForLoadState('networkidle');
    expect(requested.length).toBeGreaterThanOrEqual(4);
    expect(requested.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    expect(failed).toEqual([]);
  });
});
