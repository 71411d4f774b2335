import { describe, expect, it, vi } from 'vitest';
import { findForbiddenCharacter } from '../../src/content/characters.js';
import { say, type Message } from '../../src/messages/index.js';

/** A character's name as the English messages say it. */
const named = (name: Message | string | undefined) => (typeof name === 'object' ? say(name, 'en') : name);

describe('findForbiddenCharacter', () => {
  it('forbids exactly the control characters but tab and line breaks, the non-characters and unclosed bidi openers, over all of Unicode', () => {
    const reference = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\u202a\u202b\u202d\u202e\u2066-\u2068]/u;
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `ab${String.fromCodePoint(code)}c`;
      const found = findForbiddenCharacter(text);
      if ((found?.index ?? -1) !== (reference.exec(text)?.index ?? -1) || (found && found.code !== code)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('names the character and where it is', () => {
    expect(findForbiddenCharacter('Tin\u001bmới')).toEqual({ index: 3, code: 0x1b, name: 'U+001B' });
    expect(findForbiddenCharacter('x\u{10ffff}')).toEqual({ index: 1, code: 0x10ffff, name: 'U+10FFFF' });
    expect(findForbiddenCharacter('Bắc Kạn\ttab\nline\r')).toBeUndefined();
  });

  it('forbids a form feed, which XML feeds may not hold', () => {
    expect(findForbiddenCharacter('trang 1\ftrang 2')).toEqual({ index: 7, code: 0x0c, name: 'U+000C' });
  });

  it('forbids a C1 control, such as NEL from text once decoded as Latin-1', () => {
    expect(findForbiddenCharacter('a\u0085b')?.code).toBe(0x85);
  });
});

describe('lone surrogates', () => {
  it('forbids every half of a pair on its own, and allows every whole pair', () => {
    for (const unit of [0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d]) {
      for (const text of [`a${String.fromCharCode(unit)}b`, `${String.fromCharCode(unit)}`, `ab${String.fromCharCode(unit)}`]) {
        const found = findForbiddenCharacter(text);
        expect(found?.code, text).toBe(unit);
        expect(found?.index).toBe(text.indexOf(String.fromCharCode(unit)));
        expect(named(found?.name)).toMatch(/^U\+D[89A-F][0-9A-F]{2} \(half of a character/);
      }
    }
    // Two highs, or a low before a high: each is alone.
    expect(findForbiddenCharacter('\ud800\ud800\udc00')?.index).toBe(0);
    expect(findForbiddenCharacter('x\udc00\ud800')?.index).toBe(1);
    expect(findForbiddenCharacter('Tin 📰 mới 𝕏 \u{10000}\u{10fffd}')).toBeUndefined();
  });
});

describe('bidi controls', () => {
  const RLO = '\u202e';
  const PDF = '\u202c';
  const RLI = '\u2067';
  const PDI = '\u2069';

  it('allows embeddings, overrides and isolates closed on their line', () => {
    for (const text of [
      `Tên ${RLO}abc${PDF} xong`,
      `a\u202bb\u202ac${PDF}d${PDF}`,
      `${RLI}עברית${PDI} và ${'\u2068'}x${PDI}`,
      `${RLI}${RLO}x${PDI}`, // a PDI closes the overrides opened inside its isolate
      `a${PDF}b${PDI}c`, // closers with nothing to close do nothing
      'dấu \u200f và \u200e', // marks are not controls that need closing
    ]) {
      expect(findForbiddenCharacter(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it.each([
    ['an override never closed', `Tin ${RLO}cba`, 4, 0x202e],
    ['an override closed on the next line', `a${RLO}b\n${PDF}c`, 1, 0x202e],
    ['an isolate never closed', `x${RLI}y`, 1, 0x2067],
    ['an isolate closed by PDF, which closes embeddings only', `${RLI}y${PDF}`, 0, 0x2067],
    ['an embedding inside a closed isolate left open', `${RLO}${RLI}y${PDI}`, 0, 0x202e],
    ['the second line', `ổn ${RLO}x${PDF}\nhỏng \u202d`, 12, 0x202d],
  ])('forbids %s, at the opener', (_, text, index, code) => {
    const found = findForbiddenCharacter(text);
    expect(found).toMatchObject({ index, code });
    expect(named(found!.name)).toMatch(/^U\+20(2[A-E]|6[6-8]) \(a bidi (control|isolate) that reverses the text after it, not closed by U\+(202C|2069) on its line\)$/);
  });

  it('reports what comes first, a control character or an unclosed override', () => {
    expect(findForbiddenCharacter(`\u0001 ${RLO}`)?.index).toBe(0);
    expect(findForbiddenCharacter(`${RLO} \u0001`)?.index).toBe(0);
    expect(findForbiddenCharacter(`${RLO}${PDF} \u0001`)?.index).toBe(3);
  });

  it('looks at each line of a long article once, overrides closed on every line', () => {
    // A work bound, not a timing: the scan is one pass of one expression over the text, a match for
    // each override, closer and line's end; a pass again for each override would count millions.
    const lines = 5000;
    const text = `${RLO}x${PDF}\n` + `Qua 02 năm ${RLO}triển khai${PDF} mô hình tự quản.\n`.repeat(lines);
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      expect(findForbiddenCharacter(text)).toBeUndefined();
      expect(exec.mock.calls.length).toBeLessThanOrEqual(3 * (lines + 1) + 10);
    } finally {
      exec.mockRestore();
    }
  });
});
