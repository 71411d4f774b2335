// Writes templates/assets/minisearch.js: the installed MiniSearch's browser build, minified, for
// the reader's browser to read the search index bantin wrote with the same version.
//   node scripts/vendor-minisearch.mjs   (after updating minisearch)
import { readFileSync, writeFileSync } from 'node:fs';
import { minifySync } from 'rolldown/experimental';

const installed = new URL('../node_modules/minisearch/', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', installed), 'utf8'));
const source = readFileSync(new URL('dist/umd/index.js', installed), 'utf8');
const { code } = minifySync('minisearch.js', source, { compress: true, mangle: true });
const header = `/*! MiniSearch ${version} (MIT License, Luca Ongaro), minified by scripts/vendor-minisearch.mjs */\n`;
writeFileSync(new URL('../templates/assets/minisearch.js', import.meta.url), header + code.trim() + '\n');
console.log(`templates/assets/minisearch.js: MiniSearch ${version}, ${code.length} bytes`);
