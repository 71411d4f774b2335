import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config.js';

describe('markdown settings', () => {
  it('default to no raw HTML, no sanitiser, and YouTube as the only iframe host', () => {
    expect(defaultConfig().markdown).toEqual({
      html: false,
      sanitize: false,
      iframeHosts: ['www.youtube.com', 'www.youtube-nocookie.com'],
    });
  });

  it('take the site\'s own iframe hosts', () => {
    const config = parseConfig('markdown:\n  html: true\n  sanitize: true\n  iframeHosts: [player.vimeo.com]\n', 'bantin.yaml');
    expect(config.markdown).toEqual({ html: true, sanitize: true, iframeHosts: ['player.vimeo.com'] });
  });

  it('refuse a host that is a URL rather than a host name, naming the line', () => {
    expect(() => parseConfig('markdown:\n  iframeHosts:\n    - https://evil.example/\n', 'bantin.yaml')).toThrow(
      /markdown\.iframeHosts\.0 is "https:\/\/evil\.example\/", which is not in the form bantin expects/,
    );
  });
});
