// Electronegativity (@doyensec/electronegativity) over the Electron shell (issue 4): fails when any
// finding is HIGH severity (or worse). Runs the library's own runner: its CLI entry breaks against the
// commander 14 this project hoists (it never declared commander as a dependency).
// Usage: node scripts/electronegativity.mjs [dir=src/main/electron]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mod = require('@doyensec/electronegativity');
const run = mod.default ?? mod;
const input = process.argv[2] ?? 'src/main/electron';

const { issues, errors } = await run({
  input, output: undefined, isSarif: false, customScan: [], excludeFromScan: [], severitySet: 'informational',
  confidenceSet: 'tentative', isRelative: true, isVerbose: false, electronUpgrade: undefined,
  electronVersionOverride: '45.5.0', parserPlugins: [],
});

const rank = (i) => i.severity.value;
const HIGH = 3; // finder/attributes.js: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3
for (const i of [...issues].sort((a, b) => rank(b) - rank(a))) {
  console.log(`${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(10)} ${i.id.padEnd(40)} ${i.file}:${i.location.line}:${i.location.column}`);
}
for (const e of errors.filter((x) => !x.tolerable)) console.log(`PARSE ERROR ${e.file}: ${e.message}`);
const high = issues.filter((i) => rank(i) >= HIGH);
console.log(`electronegativity: ${issues.length} findings over ${input}, ${high.length} high or critical`);
process.exit(high.length > 0 || errors.some((x) => !x.tolerable) ? 1 : 0);
