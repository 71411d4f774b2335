#!/usr/bin/env node
// The bantin command: runs the compiled CLI (built into lib/ by `npm install`). No Node flags here:
// `#!/usr/bin/env -S node ...` would break the command where env has no -S (BusyBox, so Alpine
// and the Alpine images of Node that CI jobs use). docs/performance.md, item 23.
import { main } from '../lib/cli.js';

// A reader that stops early (`bantin build | head -1`) closes the pipe: what is left to print goes
// nowhere, as with any command, and the build still ends as it would have.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
