// Every sentence bantin tells a person comes from the message catalogue (src/messages/), in the
// editor's language: a sentence written straight into another module would be said in one language
// only. Read with the TypeScript compiler, so comments and code are told apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/messages/index.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
/**
 * Where words for people are kept, each in every language: the catalogue, the interface words of
 * a site (locales.ts), and the generated schema validator (its texts are the schema's, never shown).
 */
const WORD_FILES = /^(messages\/|locales\.ts$|anchors\.ts$|config-validate\.ts$)/;
/**
 * Literals that are not said to a person in one language: the before-any-build page of `bantin
 * dev` says itself in both, a new article's field hints come in both, and the fallback footnote
 * labels are replaced by the site's own.
 */
const ALLOWED = [
  'Trang sẽ tự tải lại. / This page reloads by itself.',
  'bantin: the site is being built',
  'Quay lại chỗ trích dẫn',
];

/** Three words or more of letters: a phrase a person reads, not a name, a path or a pattern. */
const SENTENCE = /\p{L}{2,}[,;:]? \p{L}{2,}[,;:]? \p{L}{2,}/u;

function phrases(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    // A literal given to a regular expression, an import or a `new Error` of a bug is not said to an editor.
    if (ts.isImportDeclaration(node) || ts.isRegularExpressionLiteral(node)) return;
    if (ts.isNewExpression(node) && node.expression.getText() === 'Error') return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const value = node.text;
      if (SENTENCE.test(value) && !ALLOWED.includes(value)) {
        found.push(`${relative(SRC, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(value.slice(0, 70))}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the words bantin says', () => {
  const files = readdirSync(SRC, { recursive: true }).map(String).filter((file) => file.endsWith('.ts') && !WORD_FILES.test(file.split('\\').join('/')));

  it('are all in the catalogue: no sentence is written into another module of src/', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files.flatMap((file) => phrases(join(SRC, file)))).toEqual([]);
  });

  it('are in Vietnamese and English alike, every id in both', () => {
    expect(Object.keys(catalogues.vi).sort()).toEqual(Object.keys(catalogues.en).sort());
  });
});
