// Characters a web page or a feed may not contain: control characters other than tab, line
// breaks and form feed, and Unicode non-characters. In an article they are a copy-and-paste
// accident, a binary file, or an escape such as "\0" in a YAML string.
// That is \p{Cc} but for \t \n \f \r, and \p{Noncharacter_Code_Point}, spelled out in UTF-16 code
// units (the last plane's non-characters as surrogate pairs): without the /u flag and its
// property lookups the scan is about three times as fast, and every article text is scanned.
// tests/unit/characters.test.ts checks it against the Unicode properties for every code point.
const FORBIDDEN =
  /[\0-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/;

export interface ForbiddenCharacter {
  /** Offset in the text. */
  index: number;
  code: number;
  /** `U+001B` */
  name: string;
}

export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  return { index: match.index, code, name: 'U+' + code.toString(16).toUpperCase().padStart(4, '0') };
}
