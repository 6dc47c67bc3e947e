// Issue 13: the analysis from given events (`lopsided analyse … --events`, hand corrections) against the truth's own
// numbers. Each RBDS trial's force-plate events, given as events set by hand, must give back the force plate's
// per-side contact, flight and step times (the truth computes them from the same events, so any gap is the pairing's:
// a missed or mis-paired contact). Prints the largest |error| per trial and frame rate.
//   npx tsx scripts/validate/givenEvents.ts
import { analyseTrackWithEvents } from '../../src/analysis/analyseWithEvents';
import type { GaitEvent, Side } from '../../src/analysis/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadRbdsTrack, rbdsRates, rbdsTrials } from './truthLoaders';

interface Contact { side: Side; foot_strike_s: number; toe_off_s: number; contact_time_s: number | null; flight_time_s: number | null; step_time_s: number | null }

const KEYS = [['contactTimeMs', 'contact_time_s'], ['flightTimeMs', 'flight_time_s'], ['stepTimeMs', 'step_time_s']] as const;

export function givenEventsRows(): string[] {
  const rows = ['trial        fps  max |error| ms: contact  flight  step   (per side, truth events given as set by hand)'];
  for (const trial of rbdsTrials()) {
    const contacts = (JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: Contact[] }).events;
    const events = contacts.flatMap((c): GaitEvent[] => [
      { side: c.side, type: 'footStrike', timeSec: c.foot_strike_s, frame: 0, correctedByHand: true },
      { side: c.side, type: 'toeOff', timeSec: c.toe_off_s, frame: 0, correctedByHand: true }]);
    for (const fps of rbdsRates(trial, 'side')) {
      const track = loadRbdsTrack(trial, 'side', fps);
      const durationSec = (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0);
      const r = analyseTrackWithEvents(track, { view: 'side' }, { path: trial, fps, durationSec, width: track.width, height: track.height }, events);
      const err = KEYS.map(([id, key]) => Math.max(...(['left', 'right'] as const).map((side) => {
        const truth = contacts.filter((c) => c.side === side && c[key] !== null).map((c) => (c[key] as number) * 1000);
        return Math.abs((r.metrics[id]?.[side] ?? Number.NaN) - truth.reduce((a, b) => a + b, 0) / truth.length);
      })));
      rows.push(`${trial.padEnd(12)} ${String(fps).padStart(4)}  ${err.map((e) => e.toFixed(3).padStart(7)).join(' ')}`);
    }
  }
  return rows;
}

if (process.argv[1]?.endsWith('givenEvents.ts')) for (const row of givenEventsRows()) console.log(row);
