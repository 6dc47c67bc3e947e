// Side by side (1): a left stance next to a right stance, phase-aligned and looped; the right one can be mirrored
// so both legs move the same way on screen and the difference is seen, not read (issue 4).
import { useMemo, useState } from 'react';
import { untimedEventWords, untimedEvents } from '../../shared/timingReliability';
import type { AnalysisResult, PoseTrack, Side } from '../../shared/contract';
import { stanceWindows } from '../format/eventNav';
import { SIDE_COLOUR } from '../format/sideStyle';
import { PhaseLoopPair, type LoopClip } from './PhaseLoopPair';
import { SideLegend } from './SideLegend';

export function StanceCompare({ videoSrc, result, track }: { videoSrc: string; result: AnalysisResult; track: PoseTrack }) {
  const canMirror = result.view === 'rear';
  const [mirrorChosen, setMirror] = useState(false);
  const mirror = canMirror && mirrorChosen;
  const left = useMemo(() => stanceWindows(result.events, 'left'), [result]);
  const right = useMemo(() => stanceWindows(result.events, 'right'), [result]);
  const [index, setIndex] = useState(() => Math.floor(left.length / 2));

  const clips = useMemo((): [LoopClip, LoopClip] | null => {
    const l = left[Math.min(index, left.length - 1)];
    // The right stance that follows that left stance (the next step), else the last one.
    const r = l ? right.find((w) => w.startSec > l.startSec) ?? right[right.length - 1] : undefined;
    if (!l || !r) return null;
    // A foot whose strikes or toe-offs this clip could not time (issue 11) has no contact time to state: its panel
    // runs between the events as detected, and says so.
    const untimed = untimedEvents(result.timing, result.facing ?? '');
    const contact = (side: Side, w: { startSec: number; endSec: number }): string => {
      const not = untimedEventWords(untimed[side]);
      return not.length ? `contact not timed (its ${not.join(' and ')})` : `contact ${Math.round((w.endSec - w.startSec) * 1000)} ms`;
    };
    return [
      { title: `Left stance · ${contact('left', l)}`, titleColour: SIDE_COLOUR.left, src: videoSrc, track, window: l },
      { title: `Right stance · ${contact('right', r)}`, titleColour: SIDE_COLOUR.right, src: videoSrc, track, window: r, mirror },
    ];
  }, [left, right, index, videoSrc, track, mirror, result]);

  if (!clips) {
    return <section data-testid="stance-compare"><p className="muted">Not enough complete stances on both feet to compare.</p></section>;
  }
  return (
    <section className="stance-compare" aria-label="Left and right stance">
      <h2>Left stance next to right stance</h2>
      <p className="muted">Both panels run from foot strike (0%) to toe-off (100%) of their own stance, at the same phase.</p>
      <div className="compare-options">
        <SideLegend testId="stance-legend" />
        {/* Only from behind does mirroring make both legs move the same way on screen; in a side view it would
            only turn the runner around (issue 13). */}
        {canMirror && (
          <label className="inline">
            <input type="checkbox" data-testid="mirror-toggle" checked={mirror} onChange={(e) => setMirror(e.target.checked)} /> Mirror the right side
          </label>
        )}
        <label className="inline">
          Left stance {Math.min(index, left.length - 1) + 1} of {left.length}{' '}
          <input type="range" min={0} max={Math.max(0, left.length - 1)} value={Math.min(index, left.length - 1)}
            aria-label="Which stance" onChange={(e) => setIndex(Number(e.target.value))} />
        </label>
      </div>
      <PhaseLoopPair clips={clips} testId="stance-compare" />
    </section>
  );
}
