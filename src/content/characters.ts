// Characters a web page or a feed may not contain: control characters other than tab, line
// breaks and form feed, and Unicode non-characters. In an article they are a copy-and-paste
// accident, a binary file, or an escape such as "\0" in a YAML string.
const FORBIDDEN = /(?![\t\n\r\f])[\p{Cc}\p{Noncharacter_Code_Point}]/u;

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
