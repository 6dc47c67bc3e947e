// The measuring tools' geometry lives in src/shared (the PDF draws pinned measurements with the same numbers).
export { lineToHorizontalDeg, lineToVerticalDeg, measureLabel, measureLabelAnchor, measureValueDeg, POINTS_NEEDED } from '../../shared/measureGeometry';
export type { MeasureKind, Measurement, Pt } from '../../shared/measureGeometry';
