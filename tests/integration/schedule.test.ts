// Drafts and scheduled articles through the whole build: out of every page, feed and sitemap until due.
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter, type BuildOptions } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

const NOW = Date.parse('2024-05-12T09:00:00+07:00');
const files = {
  'bantin.yaml': 'title: Bản tin\nbaseUrl: https://bantin.example/\n',
  'content/tin-da-dang.md': article({ title: 'Tin đã đăng', date: '2024-05-10', category: 'Thời sự', tags: '[lịch]' }),
  'content/tin-hen-gio.md': article({ title: 'Tin hẹn giờ', date: '"12/05/2024 14:30"', category: 'Thời sự', tags: '[lịch]' }),
  'content/tin-tuan-sau.md': article({ title: 'Tin tuần sau', date: '2024-05-19' }),
  'content/ban-nhap-tuong-lai.md': article({ title: 'Bản nháp tương lai', date: '2024-05-13', draft: 'true' }),
};

async function buildAt(options: BuildOptions = {}) {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  const result = await build({ root, writer, now: NOW, ...options });
  const everything = [...writer.files.keys()].map((path) => writer.text(path) ?? '').join('\n');
  return { writer, result, everything };
}

describe('scheduled articles', () => {
  it('are left out of the site until their time: pages, listings, sections, tags, feeds and sitemap', async () => {
    const { writer, result, everything } = await buildAt();
    expect(result.articles).toBe(1);
    expect(writer.files.has('tin-hen-gio/index.html')).toBe(false);
    expect(everything).not.toContain('Tin hẹn giờ');
    expect(everything).not.toContain('tin-hen-gio');
    expect(everything).not.toContain('Tin tuần sau');
  });

  it('say when the next one is due, in the site\'s time zone, drafts not counted', async () => {
    const { result } = await buildAt();
    expect(result.scheduled).toBe(2);
    expect(result.nextScheduled).toBe('2024-05-12T14:30:00+07:00');
  });

  it('appear once their time has come', async () => {
    const { writer, result } = await buildAt({ now: Date.parse('2024-05-12T14:30:00+07:00') });
    expect(writer.text('index.html')).toContain('Tin hẹn giờ');
    expect(result.nextScheduled).toBe('2024-05-19T00:00:00+07:00');
  });

  it('are built with future: true, and then nothing is waiting', async () => {
    const { writer, result } = await buildAt({ future: true });
    expect(result.articles).toBe(3);
    expect(writer.text('rss.xml')).toContain('Tin hẹn giờ');
    expect(result).toMatchObject({ scheduled: 0 });
    expect(result.nextScheduled).toBeUndefined();
  });

  it('keep drafts out even with future: true; drafts: true shows them with the draft mark', async () => {
    expect((await buildAt({ future: true })).everything).not.toContain('Bản nháp tương lai');
    const { writer } = await buildAt({ future: true, drafts: true });
    expect(writer.text('ban-nhap-tuong-lai/index.html')).toContain('class="draft-mark"');
  });
});
