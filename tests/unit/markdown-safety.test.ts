import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/content/markdown.js';
import { BantinError } from '../../src/errors.js';

const plain = createMarkdown({ html: false });
const raw = createMarkdown({ html: true });
const sanitized = createMarkdown({ html: true, sanitize: true, iframeHosts: ['www.youtube-nocookie.com'] });

describe('Markdown links and images', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    '%6Aavascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
  ])('are not made from %j', (url) => {
    for (const markdown of [`[bấm](${url})`, `![ảnh](${url})`, `<${url}>`, `[bấm][r]\n\n[r]: ${url}`]) {
      const html = plain.render(markdown);
      expect(html, markdown).not.toMatch(/<a |<img /);
    }
  });

  it('keeps ordinary links and images, and safe inline images', () => {
    expect(plain.render('[Bắc Kạn](https://backan.gov.vn/)')).toContain('<a href="https://backan.gov.vn/" rel="noopener">');
    expect(plain.render('![ảnh](anh/hop.jpg)')).toContain('<img src="anh/hop.jpg" alt="ảnh" loading="lazy" decoding="async">');
    expect(plain.render('![ảnh](data:image/png;base64,iVBORw0KGgo=)')).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
  });
});

describe('raw HTML', () => {
  it('shows as text by default', () => {
    const html = plain.render('<script>alert(1)</script>\n\nChữ <img src=x onerror=alert(1)> và <b>đậm</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<b>/);
  });

  it('passes as written when the site allows it and does not sanitise', () => {
    expect(raw.render('<b onclick="x()">đậm</b>')).toContain('<b onclick="x()">đậm</b>');
  });

  it('with sanitize: keeps the text and safe markup, drops scripts, handlers, styles and forms', () => {
    const html = sanitized.render(
      [
        '<p onclick="x()" style="color:red">Chữ <b>đậm</b><script>alert(1)</script></p>',
        '',
        '<img src="anh.jpg" onerror="alert(1)" alt="ảnh"><a href="javascript:alert(1)">xấu</a> <a href="https://a.vn/">tốt</a>',
        '',
        '<form action="https://x.vn/"><input name="q"></form><style>body{display:none}</style><svg><script>alert(1)</script></svg>',
        '',
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      ].join('\n'),
    );
    expect(html).toContain('Chữ <b>đậm</b>');
    expect(html).toContain('<img src="anh.jpg" alt="ảnh" />');
    expect(html).toContain('<a href="https://a.vn/">tốt</a>');
    expect(html).not.toMatch(/<script|onclick|onerror|style=|<form|<input|<style|<svg|javascript:|<noscript/);
  });

  it('with sanitize: lets iframes through only from the listed hosts, over https', () => {
    const html = sanitized.render(
      [
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen></iframe>',
        '<iframe src="https://evil.example/x"></iframe>',
        '<iframe src="http://www.youtube-nocookie.com/embed/abc"></iframe>',
        '<iframe src="//www.youtube-nocookie.com/embed/abc"></iframe>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      ].join('\n'),
    );
    expect(html.match(/<iframe/g)).toHaveLength(1);
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen></iframe>');
  });

  it('with sanitize: keeps what Markdown itself makes (tables with alignment, code languages, lazy images)', () => {
    const html = sanitized.render('| a | b |\n|--:|:-:|\n| 1 | 2 |\n\n```js\nx\n```\n\n![ảnh](anh.jpg)');
    expect(html).toContain('<th style="text-align:right">a</th>');
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('loading="lazy"');
  });
});

describe('deep nesting', () => {
  it.each([
    ['lists', '- '.repeat(10_000) + 'sâu'],
    ['ordered lists', '1. '.repeat(10_000) + 'sâu'],
    ['quotes', '>'.repeat(10_000) + ' sâu'],
    ['quotes in lists', '> - '.repeat(5_000) + 'sâu'],
    ['nested lists on many lines', Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i * 2) + '- mục').join('\n')],
  ])('10,000 levels of %s: an error naming the line, no crash, no silently lost text', (_, body) => {
    const error = (() => {
      try {
        plain.render(`Mở đầu.\n\n${body}\n\nĐoạn cuối.`, { file: 'content/sau.md', line: 6 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BantinError);
    expect((error as BantinError).format()).toMatch(/^content\/sau\.md:(8|5\d) {2}Lists or quotes are nested too deeply here/);
  });

  it('30 levels are fine', () => {
    expect(plain.render('- '.repeat(30) + 'sâu')).toContain('sâu');
    expect(plain.render('> '.repeat(30) + 'sâu')).toContain('sâu');
  });

  it('10,000 nested brackets, emphasis and angle brackets render, text kept, and the page grows with the text only', () => {
    for (const text of ['['.repeat(10_000) + 'x' + ']'.repeat(10_000), '*_'.repeat(5_000) + 'x' + '_*'.repeat(5_000), '<'.repeat(100_000), '[a]('.repeat(10_000)]) {
      const html = plain.render(text + '\n\nHẾT');
      expect(html).toContain('HẾT');
      // At most an escaped entity per character ("&lt;") and the paragraph tags: no markup multiplied per level.
      expect(html.length).toBeLessThan(text.length * 5 + 100);
    }
  });
});
