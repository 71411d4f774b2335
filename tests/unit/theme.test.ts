import { describe, expect, it } from 'vitest';
import { hashAssetNames } from '../../src/theme.js';

const asset = (outputPath: string, text: string) => ({ outputPath, content: Buffer.from(text), sourcePath: `/t/${outputPath}` });

describe('hashed theme files', () => {
  it('names CSS and scripts after their content, and leaves other files alone', () => {
    const { assets, names } = hashAssetNames([asset('assets/bantin.css', 'body{}'), asset('assets/favicon.svg', '<svg/>'), asset('assets/a.js', '1')]);
    expect(assets.map((a) => a.outputPath)).toEqual([
      expect.stringMatching(/^assets\/bantin\.[0-9a-f]{8}\.css$/),
      'assets/favicon.svg',
      expect.stringMatching(/^assets\/a\.[0-9a-f]{8}\.js$/),
    ]);
    expect(names.get('assets/bantin.css')).toBe(assets[0]!.outputPath);
    expect(names.has('assets/favicon.svg')).toBe(false);
  });

  it('gives the same bytes the same name, and changed bytes a new one', () => {
    const name = (text: string) => hashAssetNames([asset('assets/bantin.css', text)]).assets[0]!.outputPath;
    expect(name('body{}')).toBe(name('body{}'));
    expect(name('body{}')).not.toBe(name('body{color:red}'));
  });
});
