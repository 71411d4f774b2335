#!/usr/bin/env -S node --max-semi-space-size=32
// The bantin command: runs the compiled CLI (built into lib/ by `npm install`). A young
// generation of 32 MB (V8's default is 16) makes a whole build 7 to 10% faster for 15 to 30 MB
// more memory (docs/performance.md, item 22); the flag works only on Node's command line, hence
// here. `node bin/bantin.js` runs the same program without it.
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
