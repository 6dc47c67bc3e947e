// Key-frame captions state no number that rests on an event the clip could not time (issue 11): on the demo clip the
// right foot's toe-offs are refused (they wander against the foot's own pixels), so its mid-stance caption gives no
// contact time and says the frame is only about mid-stance; the left foot's captions carry their numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { keyFrameCaption } from '../../../src/main/report/keyFramesSection';
import { pickKeyStances } from '../../../src/main/report/pickKeyFrames';

describe('keyFrameCaption', () => {
  const track = parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo' });
  const result = analyseTrack(track, { view: 'auto' }, { path: 'demo.mp4', fps: 30, durationSec: 12, width: track.width, height: track.height });
  const stances = pickKeyStances(result);

  it('gives no contact time for a foot whose toe-offs were not timed, and says the frame is approximate', () => {
    expect(result.timing?.evidence.right.toeOff.wandering || result.timing?.evidence.right.toeOff.hidden).toBe(true);
    const right = keyFrameCaption(result, stances.right!, 'midStance', stances.right!.midStanceTimeSec);
    expect(right).toMatch(/^Right mid-stance \(about: its toe-offs were not timed\)/);
    expect(right).not.toMatch(/contact/);
  });

  it('keeps the numbers of a foot the clip timed', () => {
    const left = keyFrameCaption(result, stances.left!, 'midStance', stances.left!.midStanceTimeSec);
    expect(left).toMatch(/^Left mid-stance · [\d.]+ s · contact \d+ ms$/);
  });

  it('from behind: the strike picture says its strike is timed coarsely; the mid-stance one gives the hip drop read there', () => {
    const rearTrack = JSON.parse(readFileSync('fixtures/posetracks/RBDS008_T35_rear.pelvis-track.json', 'utf8')) as Parameters<typeof analyseTrack>[0];
    const rear = analyseTrack(rearTrack, { view: 'rear' }, { path: 'rear.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 });
    const picks = pickKeyStances(rear);
    const left = picks.left!;
    expect(keyFrameCaption(rear, left, 'strike', left.strikeTimeSec)).toMatch(/^Left foot strike \(about: from behind a strike is timed coarsely\) · /);
    const mid = keyFrameCaption(rear, left, 'midStance', left.midStanceTimeSec);
    expect(mid).toMatch(/^Left mid-stance · [\d.]+ s · hip drop [\d.]+°$/);
    expect(left.midStanceTimeSec).toBe(left.step?.midStanceTimeSec);
  });
});
