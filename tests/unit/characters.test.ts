import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter } from '../../src/content/characters.js';

describe('findForbiddenCharacter', () => {
  it('forbids exactly the control characters but tab and line breaks, and the non-characters, over all of Unicode', () => {
    const reference = /(?![\t\n\r\f])[\p{Cc}\p{Noncharacter_Code_Point}]/u;
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
    expect(findForbiddenCharacter('Bắc Kạn\ttab\nline\r\fform')).toBeUndefined();
  });
});
