// An article's card (what lists show of it) and its feed entry are made once per build, then
// reused by every page and feed that shows them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article, type FullArticle } from '../../src/content/article.js';
import { createMarkdown } from '../../src/content/markdown.js';
import { defaultConfig } from '../../src/config.js';
import { SitePhotos } from '../../src/images/site-photos.js';
import { locales } from '../../src/locales.js';
import { FeedEntries } from '../../src/render/feeds.js';
import { createTemplates } from '../../src/render/templates.js';
import { article as articleText, makeSite } from '../helpers/site.js';

describe('work done once', () => {
  it('renders a card once for every page that lists its article, each page with its own links', async () => {
    const root = await makeSite({
      'templates/list.njk': '{% for item in items %}{{ item | card }}{% endfor %}',
      'templates/partials/article-item.njk': '<a href="{{ item.url | url }}">{{ item.title }}</a>',
    });
    let reads = 0;
    const item = {
      url: 'bai-mot/',
      get title() {
        reads++;
        return 'Bài một';
      },
    };
    const templates = createTemplates([join(root, 'templates')], ['list.njk', 'partials/article-item.njk'], { locale: locales.vi, show: (path) => path });
    const render = (outputPath: string) => templates.render('list.njk', { items: [item, item], site: {}, page: { outputPath } });
    expect(render('index.html')).toBe('<a href="./bai-mot/">Bài một</a>'.repeat(2));
    // Rendered by the first page: the title is not read again, by that page or by the next.
    const once = reads;
    expect(once).toBeGreaterThan(0);
    expect(render('chuyen-muc/thoi-su/index.html')).toBe('<a href="../../bai-mot/">Bài một</a>'.repeat(2));
    expect(reads).toBe(once);
  });

  it('makes an article\'s feed entry, and reads its body, once for every feed that carries it', () => {
    const config = defaultConfig({ baseUrl: 'https://tin.example/', feeds: { ...defaultConfig().feeds, content: 'full' } });
    const source = { path: '/site/content/bai-mot.md', relativePath: 'bai-mot.md', displayPath: 'content/bai-mot.md', text: articleText({ title: 'Bài một' }), digest: 'd' };
    const article = parseArticle(source, { config, markdown: createMarkdown({ html: false }) });
    let bodies = 0;
    const full = (shown: Article): FullArticle => {
      bodies++;
      return { ...shown, html: '<p>Nội dung.</p>' };
    };
    const entries = new FeedEntries(config, full, new SitePhotos({ keys: [], photos: [], defaultAlt: '' }));
    const first = entries.of(article);
    expect(entries.of(article)).toBe(first);
    expect(first.content).toContain('<p>Nội dung.</p>');
    expect(bodies).toBe(1);
  });
});
