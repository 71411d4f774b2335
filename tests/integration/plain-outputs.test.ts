// Files that are not pages: robots.txt is plain text, a full-text feed carries the whole article,
// and the 404 page asks search engines to leave it out.
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

async function built(config: string, files: Record<string, string> = {}): Promise<MemoryWriter> {
  const root = await makeSite({ 'bantin.yaml': config, 'content/a.md': article({ summary: 'Lead & "sapo" <b>' }, 'Thân bài.'), ...files });
  const writer = new MemoryWriter();
  await build({ root, writer });
  return writer;
}

describe('robots.txt', () => {
  it('is plain text: an address with & is written as it is, not HTML-escaped', async () => {
    const writer = await built('baseUrl: https://tin.example/ban&tin/\n');
    const robots = writer.text('robots.txt')!;
    expect(robots).toContain('Sitemap: https://tin.example/ban&tin/sitemap.xml\n');
    expect(robots).not.toContain('&amp;');
  });

  it('at the root of a host lets every robot in and names the sitemap', async () => {
    const writer = await built('baseUrl: https://tin.example/\n');
    expect(writer.text('robots.txt')!).toBe('User-agent: *\nAllow: /\nSitemap: https://tin.example/sitemap.xml\n');
  });

  it('in a sub-folder says it works only at the host root and gives the line to copy there', async () => {
    const robots = (await built('baseUrl: https://backan.gov.vn/bantin/\n')).text('robots.txt')!;
    expect(robots).toContain('only at the root of a host (https://backan.gov.vn/robots.txt)');
    expect(robots).not.toContain('User-agent');
    expect(robots).toMatch(/^Sitemap: https:\/\/backan\.gov\.vn\/bantin\/sitemap\.xml$/m);
    // Every other line is a comment, which a robots.txt copied whole to the host root ignores.
    expect(robots.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('Sitemap:'))).toEqual([]);
  });

  it('may be the site\'s own template, still plain text', async () => {
    const writer = await built('title: A & B\nbaseUrl: https://tin.example/\n', { 'templates/robots.njk': '# {{ site.title }}\nUser-agent: *\nDisallow: /luu-tru/\n' });
    expect(writer.text('robots.txt')!).toBe('# A & B\nUser-agent: *\nDisallow: /luu-tru/\n');
  });
});

describe('a full-text feed', () => {
  it('carries the lead above the text, in RSS, Atom and JSON Feed', async () => {
    const writer = await built('baseUrl: https://tin.example/\nfeeds:\n  content: full\n');
    const lead = '<p><strong>Lead &#38; &#34;sapo&#34; &#60;b&#62;</strong></p>\n<p>Thân bài.</p>';
    const rss = writer.text('rss.xml')!;
    expect(rss).toContain(`<description>${lead.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}`);
    expect(writer.text('atom.xml')!).toContain('<content type="html">&lt;p&gt;&lt;strong&gt;Lead &amp;#38;');
    const json = JSON.parse(writer.text('feed.json')!) as { items: { content_html: string; summary: string }[] };
    expect(json.items[0]!.content_html).toMatch(/^<p><strong>Lead &#38; &#34;sapo&#34; &#60;b&#62;<\/strong><\/p>\n<p>Thân bài.<\/p>/);
    expect(json.items[0]!.summary).toBe('Lead & "sapo" <b>');
  });
});

describe('404.html', () => {
  it('has no canonical address, and asks search engines not to index it', async () => {
    const writer = await built('baseUrl: https://tin.example/\n');
    const html = writer.text('404.html')!;
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
    // The other pages keep theirs.
    expect(writer.text('index.html')!).toContain('<link rel="canonical" href="https://tin.example/">');
  });
});
