// Characters a web page or a feed may not contain. In an article they are a copy-and-paste
// accident, a binary file, or an escape such as "\0" or "\uD800" in a YAML string. Decided per
// character, and each refused (never cleaned), so the error can say where it is:
// - control characters (C0 but tab and line breaks, DEL, C1): XML 1.0 forbids C0, and nobody
//   means any of them; a form feed too, which XML forbids though HTML allows it;
// - Unicode non-characters;
// - lone surrogates (half of a UTF-16 pair, which only an escape can make): not text at all;
// - bidi embeddings, overrides and isolates not closed on their own line: they reverse the text
//   that follows them, in the page and in the reader's feed (the "Trojan Source" trick).
// The first three are spelled out in UTF-16 code units (the last plane's non-characters as
// surrogate pairs): without the /u flag and its property lookups the scan is about three times
// as fast, and every article text is scanned. tests/unit/characters.test.ts checks it against
// the Unicode properties for every code point.
import { msg, type Message } from '../messages/index.js';

const FORBIDDEN =
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Every code unit that can begin a match of FORBIDDEN, in one class: a Vietnamese text has none,
 * and one class is scanned several times as fast as the alternatives above.
 */
const SUSPECT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]/;

/** Where a bidi control opens or closes; checked only in the rare text that has one. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\n]/g;
const HAS_BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** LRE, RLE, LRO, RLO are closed by PDF (U+202C); LRI, RLI, FSI by PDI (U+2069). */
const PDF = 0x202c;
const PDI = 0x2069;

export interface ForbiddenCharacter {
  /** Offset in the text. */
  index: number;
  code: number;
  /** `U+001B`, or a message with why in brackets: `U+D800 (half of a character ...)`. */
  name: Message | string;
}

export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const suspect = SUSPECT.exec(text);
  FORBIDDEN.lastIndex = suspect?.index ?? 0;
  const match = suspect ? FORBIDDEN.exec(text) : null;
  const bidi = HAS_BIDI.test(text) ? unclosedBidi(text, match?.index ?? text.length) : undefined;
  if (bidi !== undefined) return describe(text, bidi);
  return match ? describe(text, match.index) : undefined;
}

function describe(text: string, index: number): ForbiddenCharacter {
  const unit = text.charCodeAt(index);
  const lone = unit >= 0xd800 && unit <= 0xdfff && !isPair(text, index);
  const code = lone ? unit : text.codePointAt(index)!;
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  let name: Message | string = hex;
  if (lone) name = msg('character.lone', { hex });
  else if (code >= 0x202a && code <= 0x202e) name = msg('character.bidi', { hex });
  else if (code >= 0x2066 && code <= 0x2068) name = msg('character.isolate', { hex });
  return { index, code, name };
}

function isPair(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit <= 0xdbff) return (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
  return index > 0 && (text.charCodeAt(index - 1) & 0xfc00) === 0xd800;
}

/**
 * The offset of the first bidi opener that its line does not close, looking no further than
 * `before`. As in the Unicode bidi algorithm, a PDF closes the latest embedding or override
 * unless an isolate is open inside it, a PDI closes the latest isolate and all opened after it,
 * and a closer with nothing to close does nothing.
 */
function unclosedBidi(text: string, before: number): number | undefined {
  const open: number[] = [];
  BIDI.lastIndex = 0;
  for (let match = BIDI.exec(text); match; match = BIDI.exec(text)) {
    // A forbidden character before anything unclosed here is the first problem.
    if ((open[0] ?? match.index) >= before) return undefined;
    const code = match[0].charCodeAt(0);
    if (code === 10) {
      if (open.length > 0) return open[0];
    } else if (code === PDF) {
      const last = open.at(-1);
      if (last !== undefined && text.charCodeAt(last) < 0x2066) open.pop();
    } else if (code === PDI) {
      const isolate = open.findLastIndex((at) => text.charCodeAt(at) >= 0x2066);
      if (isolate >= 0) open.length = isolate;
    } else {
      open.push(match.index);
    }
  }
  return open[0] !== undefined && open[0] < before ? open[0] : undefined;
}
