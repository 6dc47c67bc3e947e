// Event cleaning (references.md, Pose2Sim `clean_gait_events`): per foot strike → toe-off → strike; contacts of a
// plausible running length; left/right contacts alternating; incomplete cycles at the clip ends dropped.
// A foot that seems to land twice within one step is a label the repair could not settle: both contacts are
// dropped rather than given to a foot that may be wrong (issue 3: every event on the right foot).
import type { GaitEvent, Side } from './types';

export interface CleanOptions {
  /** Shortest and longest plausible contact in seconds (running: 0.1–0.45 s; walking stance reaches ~0.8 s). */
  minContactSec?: number;
  maxContactSec?: number;
}

export interface Contact { side: Side; strike: GaitEvent; toeOff: GaitEvent }

export interface CleanResult { events: GaitEvent[]; contacts: Contact[]; dropped: number; doubleSupport: number }

function contactsOfFoot(events: readonly GaitEvent[], side: Side, minSec: number, maxSec: number): Contact[] {
  const own = events.filter((e) => e.side === side).sort((a, b) => a.timeSec - b.timeSec);
  const out: Contact[] = [];
  for (let i = 0; i < own.length; i++) {
    const e = own[i] as GaitEvent;
    if (e.type !== 'footStrike') continue;
    const next = own[i + 1];
    if (!next || next.type !== 'toeOff') continue; // two strikes in a row, or a strike at the end: incomplete
    const dur = next.timeSec - e.timeSec;
    if (dur >= minSec && dur <= maxSec) out.push({ side, strike: e, toeOff: next });
  }
  return out;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : Number.NaN;
}

export function cleanGaitEvents(events: readonly GaitEvent[], opts: CleanOptions = {}): CleanResult {
  const minSec = opts.minContactSec ?? 0.08;
  const maxSec = opts.maxContactSec ?? 0.8;
  let contacts = [...contactsOfFoot(events, 'left', minSec, maxSec), ...contactsOfFoot(events, 'right', minSec, maxSec)]
    .sort((a, b) => a.strike.timeSec - b.strike.timeSec);
  // Stride time of each foot, to tell a missing contact of the other foot from a mislabelled one.
  const strides: number[] = [];
  for (const side of ['left', 'right'] as Side[]) {
    const own = contacts.filter((c) => c.side === side);
    for (let i = 1; i < own.length; i++) strides.push((own[i] as Contact).strike.timeSec - (own[i - 1] as Contact).strike.timeSec);
  }
  const stride = median(strides);
  const drop = new Set<Contact>();
  for (let i = 1; i < contacts.length; i++) {
    const a = contacts[i - 1] as Contact;
    const b = contacts[i] as Contact;
    // Overlapping contacts of the same foot cannot both be real.
    if (a.side === b.side && b.strike.timeSec - a.strike.timeSec < 0.75 * stride) { drop.add(a); drop.add(b); }
  }
  contacts = contacts.filter((c) => !drop.has(c));
  let doubleSupport = 0;
  for (let i = 1; i < contacts.length; i++) {
    const a = contacts[i - 1] as Contact;
    const b = contacts[i] as Contact;
    if (a.side !== b.side && b.strike.timeSec < a.toeOff.timeSec) doubleSupport++;
  }
  const kept = contacts.flatMap((c) => [c.strike, c.toeOff]).sort((a, b) => a.timeSec - b.timeSec);
  return { events: kept, contacts, dropped: events.length - kept.length, doubleSupport };
}
