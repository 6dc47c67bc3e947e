// Smallest and largest of a series by a loop: Math.min(...values) passes every value as an argument and overflows
// the call stack from ~125,000 values (one per frame of a 35-minute clip at 60 fps; issue 15).

/** [min, max] of the values (NaN included as given: Math.min semantics), or [Infinity, -Infinity] when empty. */
export function seriesExtent(values: readonly number[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return [min, max];
}
