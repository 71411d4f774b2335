#!/usr/bin/env -S node --max-semi-space-size=32
// The bantin command: runs the compiled CLI (built into lib/ by `npm install`). A young
// generation of 32 MB (V8's default is 16) makes a whole build of a few thousand articles 5 to
// 10% faster; a large one is as fast and holds 40 to 65 MB more (docs/performance.md, item 23).
// The flag works only on Node's command line, hence here: `node bin/bantin.js` runs without it.
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
