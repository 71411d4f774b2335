// The shape the code keeps (docs/architecture.md): short functions, few positional parameters,
// files that fit in a head. Read with the TypeScript compiler, so a rule broken anywhere is named.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
/** Generated from the JSON Schema by `npm run schema`, not written by hand. */
const GENERATED = new Set(['config-validate.ts']);
const MAX_FUNCTION_LINES = 60;
const MAX_POSITIONAL = 4;
const MAX_FILE_LINES = 300;
/**
 * The adapters to other libraries, where a type the library does not declare is cast (issue 13):
 * the markdown-it plugins, the Nunjucks loader and `parseArgs`. Records between stages are not cast.
 */
const ADAPTERS = new Set(['content/markdown-addresses.ts', 'render/template-loader.ts', 'commands/usage.ts']);

const files = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts') && !GENERATED.has(file))
  .map((file) => join(SRC, file));

function functionsOf(path: string): { name: string; lines: number; parameters: number }[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number; parameters: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = `${relative(SRC, path)}:${start + 1} ${node.name?.getText() ?? '(anonymous)'}`;
      found.push({ name, lines: end - start + 1, parameters: node.parameters.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the code in src/', () => {
  const all = files.flatMap(functionsOf);

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(all.filter((fn) => fn.lines > MAX_FUNCTION_LINES).map((fn) => `${fn.name} (${fn.lines} lines)`)).toEqual([]);
  });

  it(`has no function with more than ${MAX_POSITIONAL} positional parameters`, () => {
    expect(all.filter((fn) => fn.parameters > MAX_POSITIONAL).map((fn) => `${fn.name} (${fn.parameters})`)).toEqual([]);
  });

  it(`has no hand-written file over ${MAX_FILE_LINES} lines`, () => {
    const long = files.map((path) => [relative(SRC, path), readFileSync(path, 'utf8').split('\n').length - 1] as const);
    expect(long.filter(([, lines]) => lines > MAX_FILE_LINES).map(([file, lines]) => `${file} (${lines} lines)`)).toEqual([]);
  });

  it('casts through `unknown` only in the adapters to other libraries, and never defines a property', () => {
    const found = files.flatMap((path) => {
      const file = relative(SRC, path).split('\\').join('/');
      const text = readFileSync(path, 'utf8');
      return [
        ...(/\bas unknown as\b/.test(text) && !ADAPTERS.has(file) ? [`${file}: as unknown as`] : []),
        ...(/\bdefineProperty\b/.test(text) ? [`${file}: defineProperty`] : []),
      ];
    });
    expect(found).toEqual([]);
  });
});
