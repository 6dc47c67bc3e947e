// A foot's own touchdown shape, for stances whose fall-speed peak noise has moved (issue 11 part 5). The strike rule
// (rearViewEvents.ts) reads the peak of a derivative, which pose-model jitter displaces; the image height of the
// foot around touchdown — a fast descent meeting the belt's slow carry — repeats stance after stance. Averaged over
// the foot's plausible stances (each aligned at its own strike) it is matched, by least squares over a window of
// frames, against a stance whose strike failed the plausibility checks: the whole shape, not one noisy slope, places
// it (RBDS rear with 2 cm pose-like foot noise: scripts/validate/rear.ts).

/** Value of a series at a fractional index by linear interpolation; NaN outside or next to a missing sample. */
function at(y: readonly number[], x: number): number {
  const i = Math.floor(x);
  const a = y[i];
  const b = y[i + 1];
  if (a === undefined) return Number.NaN;
  if (x === i) return a;
  return b === undefined ? Number.NaN : a + (b - a) * (x - i);
}

/** Fewest aligned stances that make a template (one stance is its own noise). */
const MIN_TEMPLATE_STANCES = 3;

/**
 * Mean shape of `y` over offsets −halfWidth..halfWidth frames around each of `strikes` (fractional indices), each
 * centred on its own mean; null with fewer than three complete stances.
 */
export function touchdownTemplate(y: readonly number[], strikes: readonly number[], halfWidth: number): number[] | null {
  const h = Math.max(2, Math.round(halfWidth));
  const sum = new Array<number>(2 * h + 1).fill(0);
  let n = 0;
  for (const c of strikes) {
    const seg = Array.from({ length: 2 * h + 1 }, (_, k) => at(y, c + k - h));
    if (!seg.every(Number.isFinite)) continue;
    const m = seg.reduce((s, v) => s + v, 0) / seg.length;
    seg.forEach((v, k) => { sum[k] = (sum[k] as number) + v - m; });
    n++;
  }
  return n >= MIN_TEMPLATE_STANCES ? sum.map((v) => v / n) : null;
}

/**
 * The fractional index in [lo, hi] (searched in quarter frames) where `y` best matches the template (least squares
 * after removing each segment's mean); NaN when no complete segment fits.
 */
export function matchTouchdown(y: readonly number[], template: readonly number[], lo: number, hi: number): number {
  const h = (template.length - 1) / 2;
  let best = Number.NaN;
  let bestCost = Infinity;
  for (let c = lo; c <= hi; c += 0.25) {
    const seg = template.map((_, k) => at(y, c + k - h));
    if (!seg.every(Number.isFinite)) continue;
    const m = seg.reduce((s, v) => s + v, 0) / seg.length;
    const cost = seg.reduce((s, v, k) => s + (v - m - (template[k] as number)) ** 2, 0);
    if (cost < bestCost) { bestCost = cost; best = c; }
  }
  return best;
}
