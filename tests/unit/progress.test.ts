import { describe, expect, it } from 'vitest';
import { paint, Progress, wantsColor, type TextStream } from '../../src/progress.js';

function stream(isTTY: boolean, columns = 80): TextStream & { text: string } {
  return { isTTY, columns, text: '', write(chunk: string) { this.text += chunk; } };
}

describe('colours', () => {
  it('are used on a terminal only, and never with NO_COLOR or TERM=dumb', () => {
    expect(wantsColor(stream(true), {})).toBe(true);
    expect(wantsColor(stream(false), {})).toBe(false);
    expect(wantsColor(stream(true), { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(stream(true), { TERM: 'dumb' })).toBe(false);
    // The convention: an empty NO_COLOR does not count.
    expect(wantsColor(stream(true), { NO_COLOR: '' })).toBe(true);
  });

  it('leave the text alone when off', () => {
    expect(paint(false, 'red', 'error')).toBe('error');
    expect(paint(true, 'red', 'error')).toBe('\x1b[31merror\x1b[39m');
  });
});

describe('progress', () => {
  it('rewrites one line in place on a terminal, and erases it at the end', () => {
    let time = 0;
    const out = stream(true);
    const progress = new Progress(out, { clock: () => time, redrawMs: 50 });
    progress.update('1 page');
    time = 10;
    progress.update('2 pages'); // too soon: skipped
    time = 60;
    progress.update('3 pages');
    progress.done();
    expect(out.text).toBe('\r1 page\x1b[K\r3 pages\x1b[K\r\x1b[K');
  });

  it('never wraps on a narrow terminal, which would break the rewriting', () => {
    const out = stream(true, 12);
    new Progress(out).update('Rendering… 1200 pages');
    const [line] = out.text.slice(1).split('\x1b[K');
    expect(line).toHaveLength(11);
    expect(line).toBe('Rendering……');
  });

  it('prints nothing in a log for a short build', () => {
    let time = 0;
    const out = stream(false);
    const progress = new Progress(out, { clock: () => time, lineMs: 2000 });
    for (time = 0; time < 1900; time += 100) progress.update(`${time} pages`);
    progress.done();
    expect(out.text).toBe('');
  });

  it('prints a plain line now and then in a log for a long build', () => {
    let time = 0;
    const out = stream(false);
    const progress = new Progress(out, { clock: () => time, lineMs: 2000 });
    for (time = 0; time <= 5000; time += 100) progress.update(`${time} pages`);
    progress.done();
    expect(out.text).toBe('2000 pages\n4000 pages\n');
  });
});
