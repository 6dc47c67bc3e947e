#!/usr/bin/env node
// The `lopsided` command: runs the bundled CLI (dist/cli.js), or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(`lopsided: the CLI is not built yet (${cli} is missing): run \`npm run build\` first.\n`);
  process.exit(1);
}
await import(pathToFileURL(cli).href);
