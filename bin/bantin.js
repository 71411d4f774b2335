#!/usr/bin/env node
// The bantin command: runs the compiled CLI (built into lib/ by `npm install`).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
