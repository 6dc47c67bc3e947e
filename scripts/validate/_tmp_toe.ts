import { loadRbdsTrack, loadRbdsTruth } from './truthLoaders';
const trial = process.argv[2] ?? 'RBDS002_T25';
const tr = loadRbdsTrack(trial, 'side', 120);
const truth = loadRbdsTruth(trial);
const t = tr.timesSec;
for (const side of ['left', 'right'] as const) {
  const toes = truth.filter((e) => e.side === side && e.type === 'toeOff');
  const strikes = truth.filter((e) => e.side === side && e.type === 'footStrike');
  const acc = new Map<number, number[]>();
  const accH = new Map<number, number[]>();
  for (const e of toes) {
    const i0 = t.findIndex((x) => x >= e.timeSec);
    if (i0 < 40 || i0 + 20 > t.length) continue;
    const fs = strikes.filter((s) => s.timeSec < e.timeSec).at(-1);
    if (!fs) continue;
    const mid = t.findIndex((x) => x >= (fs.timeSec + e.timeSec) / 2);
    const y = tr.keypoints[`${side}_foot_index`]!.y;
    const hy = tr.keypoints[`${side}_heel`]!.y;
    let level = -Infinity; for (let k = mid; k <= i0; k++) level = Math.max(level, y[k]!);
    for (let d = -12; d <= 6; d += 2) {
      (acc.get(d) ?? acc.set(d, []).get(d)!).push(level - y[i0 + d]!);
      (accH.get(d) ?? accH.set(d, []).get(d)!).push(hy[mid]! - hy[i0 + d]!);
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  console.log(trial, side, 'ball rise px at TO+d frames(120fps):', [...acc].map(([d, v]) => `${d}:${med(v).toFixed(1)}`).join(' '));
  console.log(trial, side, 'heel rise px:                        ', [...accH].map(([d, v]) => `${d}:${med(v).toFixed(0)}`).join(' '));
}
const leg = tr.keypoints['left_hip']!.y[100]! ; console.log('hip y', leg, 'ankle y', tr.keypoints['left_ankle']!.y[100]);
