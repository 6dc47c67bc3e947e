// One number in the CSVs Lopsided writes (keypoints.csv, events.csv, steps.csv): rounded to the digits that column
// keeps, an empty cell where there is no value (NaN, null), so spreadsheets read it as missing rather than as text.
export function csvNumber(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toFixed(digits)));
}
