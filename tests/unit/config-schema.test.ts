// The configuration's validator is Ajv's standalone code for schema/bantin.schema.json, compiled
// beforehand: it must be the code of the schema as it is now.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/compile-schema.mjs', import.meta.url));
const compiled = fileURLToPath(new URL('../../src/config-validate.ts', import.meta.url));

describe('the compiled configuration schema', () => {
  it('is the schema as it is now (after editing it, run `npm run schema`)', () => {
    const fresh = execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8' });
    expect(fresh).toContain('"$id":"https://bantin.invalid/schema/bantin.schema.json"');
    expect(readFileSync(compiled, 'utf8')).toBe(fresh);
  });
});
