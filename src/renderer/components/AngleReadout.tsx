// Live angles of the frame on screen, read by the analysis's own formulas (src/analysis/jointAngles.ts, hipDrop.ts):
// side view — knee flexion (0° = straight) and shank angle to the vertical (+ = ankle ahead of the knee) per leg,
// "not seen" where the model only guessed that leg's joints at this frame;
// rear view — the pelvis line against the level reference, with its sign convention written beside it.
import type { AnalysisResult, PoseTrack, Side } from '../../shared/contract';
import { MIN_VISIBILITY, kneeFlexionDeg, minScoreAt, shankInclinationDeg } from '../../shared/jointAngles';
import { stanceWindows } from '../format/eventNav';
import type { PelvisAtFrame } from '../format/pelvisAtFrame';
import { SIDE_COLOUR, SIDE_LETTER, SIDES } from '../format/sideStyle';

function deg(v: number, signed = false): string {
  if (!Number.isFinite(v)) return '–';
  const r = Math.round(v * 10) / 10;
  return `${signed && r > 0 ? '+' : ''}${r.toFixed(1).replace('-', '−')}°`;
}

/** An angle per side, or null where the pose model did not see the joints it is made from at this frame. */
function PerSide({ label, title, values, signed }: { label: string; title: string; values: Record<Side, number | null>; signed?: boolean }) {
  return (
    <span className="readout-item" title={title}>
      {label}{' '}
      {SIDES.map((s) => {
        const v = values[s];
        return (
          <span key={s} style={{ color: SIDE_COLOUR[s] }} data-testid={`readout-${label.toLowerCase().split(' ')[0]}-${s}`}
            title={v === null ? 'Not seen at this frame: the pose model only guessed these joints (hidden behind the near leg or the treadmill)' : undefined}>
            {SIDE_LETTER[s]} {v === null ? 'not seen' : deg(v, signed)}{' '}
          </span>
        );
      })}
    </span>
  );
}

/** Where the vertical of the side-view angles came from (report.json `vertical.from`), in words. */
const VERTICAL_FROM = {
  scene: 'the scene\'s verticals: door frames, cupboards, wall corners',
  belt: 'turned with the slanted belt: the scene showed no verticals',
  image: 'the image vertical',
} as const;

export function AngleReadout({ result, track, frame, pelvis }: { result: AnalysisResult; track: PoseTrack; frame: number; pelvis: PelvisAtFrame | null }) {
  const t = track.timesSec[frame] ?? 0;
  if (result.view === 'rear') {
    if (!pelvis) return <span className="angle-readout muted small">Pelvis line not measured at this frame.</span>;
    const stance = SIDES.find((s) => stanceWindows(result.events, s).some((w) => t >= w.startSec && t <= w.endSec));
    const lower = pelvis.rightLowDeg >= 0 ? 'right' : 'left';
    // Standing on the left, the swing side is the right: right lower = a drop (+); standing on the right, the reverse.
    const drop = stance === undefined ? null : stance === 'left' ? pelvis.rightLowDeg : -pelvis.rightLowDeg;
    return (
      <span className="angle-readout" data-testid="angle-readout" data-pelvis-deg={pelvis.rightLowDeg.toFixed(2)}>
        <span className="pelvis-swatch" aria-hidden="true" /> Pelvis line {deg(Math.abs(pelvis.rightLowDeg))}, {lower} side lower than level
        {drop !== null && <> · standing on {stance}: hip drop <b>{deg(drop, true)}</b></>}
        <span className="muted small"> (+ = swing side lower, − = it rises; dashed: level)</span>
      </span>
    );
  }
  const forward: 1 | -1 | null = result.facing === 'imageRight' ? 1 : result.facing === 'imageLeft' ? -1 : null;
  // The vertical the analysis read its angles against (the scene's, or the belt's when it slants): the same here.
  const verticalDeg = result.vertical?.deg ?? 0;
  // The analysis's own rule for a seen joint (sideViewMeasures): a guessed far knee is no measurement here either.
  const seen = (side: Side, joints: readonly string[]): boolean => minScoreAt(track, joints.map((j) => `${side}_${j}`), frame) >= MIN_VISIBILITY;
  const ifSeen = (side: Side, joints: readonly string[], angle: () => number): number | null => (seen(side, joints) ? angle() : null);
  const knee = {
    left: ifSeen('left', ['hip', 'knee', 'ankle'], () => kneeFlexionDeg(track, 'left', t)),
    right: ifSeen('right', ['hip', 'knee', 'ankle'], () => kneeFlexionDeg(track, 'right', t)),
  };
  return (
    <span className="angle-readout" data-testid="angle-readout">
      <PerSide label="Knee flexion" title="180° − hip–knee–ankle angle: 0° = straight leg" values={knee} />
      {forward !== null && (
        <PerSide label="Shank" signed title={`Shank to the dashed vertical through the hips (${VERTICAL_FROM[result.vertical?.from ?? 'image']}): + = ankle ahead of the knee (the overstride measure at foot strike)`}
          values={{
            left: ifSeen('left', ['knee', 'ankle'], () => shankInclinationDeg(track, 'left', t, forward, verticalDeg)),
            right: ifSeen('right', ['knee', 'ankle'], () => shankInclinationDeg(track, 'right', t, forward, verticalDeg)),
          }} />
      )}
    </span>
  );
}
