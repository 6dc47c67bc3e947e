import { allCases, runCase } from './events';
const want = process.argv[2] ?? '';
for (const c of allCases()) {
  if (c.view !== 'side') continue;
  if (!(c.source.startsWith('synthetic') || c.source.startsWith('video') || (c.source.startsWith('rbds') && c.fps !== 30))) continue;
  if (!`${c.source} ${c.trial} ${c.fps}`.includes(want)) continue;
  const r = runCase(c);
  console.log(`${c.source.padEnd(20)} ${c.trial.padEnd(24)} ${c.fps} TO L ${r.toeOffBiasMs.left.toFixed(1).padStart(6)} R ${r.toeOffBiasMs.right.toFixed(1).padStart(6)}  med ${(r.toMedMs*c.fps/1000).toFixed(2)} fr  miss ${r.missed}`);
}
