// Capture-quality warnings, shown prominently: a physio must know when numbers rest on a shaky track.
import type { AnalysisResult } from '../../shared/contract';

export function QualityWarnings({ quality }: { quality: AnalysisResult['quality'] }) {
  const posePct = quality.framesTotal > 0 ? (100 * quality.framesWithPose) / quality.framesTotal : 0;
  const hasWarnings = quality.warnings.length > 0;
  return (
    <section className={`quality-warnings ${hasWarnings ? 'has-warnings' : ''}`} data-testid="quality-warnings" aria-label="Capture quality">
      <h3>{hasWarnings ? '⚠ Capture quality warnings' : 'Capture quality'}</h3>
      <p>Runner found in {quality.framesWithPose} of {quality.framesTotal} frames ({posePct.toFixed(0)}%).</p>
      {hasWarnings
        ? <ul>{quality.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        : <p className="muted">No warnings.</p>}
    </section>
  );
}
