// Event cleaning (docs/references.md, Pose2Sim `clean_gait_events`): per foot strike → toe-off → strike; contacts of a
// plausible length; left/right contacts alternating with no double support (running); incomplete cycles at the
// clip ends dropped. Where two contacts cannot both be real, the one that breaks the left/right alternation goes;
// if that cannot be told, both go (issue 3: an event on the wrong foot is worse than a missing one).
import type { GaitEvent, Side } from './types';

export interface CleanOptions {
  /** Shortest and longest plausible contact in seconds (running 0.1–0.45 s; walking stance reaches ~0.8 s). */
  minContactSec?: number;
  maxContactSec?: number;
  /** Overlap of two feet's contacts tolerated before one is judged false (s; running has none). */
  overlapToleranceSec?: number;
  /** A contact further than this fraction from the clip's median contact is judged false (default 0.4). */
  maxContactDeviation?: number;
}

export interface Contact { side: Side; strike: GaitEvent; toeOff: GaitEvent }

export interface CleanResult { events: GaitEvent[]; contacts: Contact[]; dropped: number; doubleSupport: number }

function contactsOfFoot(events: readonly GaitEvent[], side: Side, minSec: number, maxSec: number): Contact[] {
  const own = events.filter((e) => e.side === side).sort((a, b) => a.timeSec - b.timeSec);
  const out: Contact[] = [];
  for (let i = 0; i + 1 < own.length; i++) {
    const e = own[i] as GaitEvent;
    const next = own[i + 1] as GaitEvent;
    // A strike followed by another strike, or a toe-off without its strike (clip start), is incomplete.
    if (e.type !== 'footStrike' || next.type !== 'toeOff') continue;
    const dur = next.timeSec - e.timeSec;
    if (dur >= minSec && dur <= maxSec) out.push({ side, strike: e, toeOff: next });
  }
  return out;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const overlapSec = (a: Contact, b: Contact): number =>
  Math.min(a.toeOff.timeSec, b.toeOff.timeSec) - Math.max(a.strike.timeSec, b.strike.timeSec);

/** Removes contacts that overlap another one: the one whose side repeats its predecessor's goes. */
function resolveOverlaps(sorted: Contact[], tolSec: number): Contact[] {
  const kept: Contact[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as Contact;
    const prev = kept[kept.length - 1];
    if (!prev || overlapSec(prev, c) <= tolSec) { kept.push(c); continue; }
    const before = kept[kept.length - 2];
    const next = sorted[i + 1];
    // Which of prev and c fits the alternation with its neighbours?
    const prevFits = (!before || before.side !== prev.side) && (!next || next.side !== prev.side);
    const cFits = (!before || before.side !== c.side) && (!next || next.side !== c.side);
    if (prevFits && !cFits) continue; // drop c
    if (cFits && !prevFits) { kept[kept.length - 1] = c; continue; }
    kept.pop(); // cannot tell: drop both
  }
  return kept;
}

export function cleanGaitEvents(events: readonly GaitEvent[], opts: CleanOptions = {}): CleanResult {
  const minSec = opts.minContactSec ?? 0.08;
  const maxSec = opts.maxContactSec ?? 0.8;
  const tol = opts.overlapToleranceSec ?? 0.03;
  const found = [...contactsOfFoot(events, 'left', minSec, maxSec), ...contactsOfFoot(events, 'right', minSec, maxSec)]
    .sort((a, b) => a.strike.timeSec - b.strike.timeSec);
  // A runner's contacts vary by a few percent step to step (and by ~10% between sides when lopsided): a contact far
  // from the clip's median joined events of two different stances (a leg label the repair could not settle).
  const dev = opts.maxContactDeviation ?? 0.4;
  const typical = median(found.map((c) => c.toeOff.timeSec - c.strike.timeSec));
  const all = found.filter((c) => Math.abs(c.toeOff.timeSec - c.strike.timeSec - typical) <= dev * typical);
  const contacts = resolveOverlaps(all, tol);
  let doubleSupport = 0;
  for (let i = 1; i < contacts.length; i++) {
    const a = contacts[i - 1] as Contact;
    const b = contacts[i] as Contact;
    if (a.side !== b.side && b.strike.timeSec < a.toeOff.timeSec) doubleSupport++;
  }
  const kept = contacts.flatMap((c) => [c.strike, c.toeOff]).sort((a, b) => a.timeSec - b.timeSec);
  return { events: kept, contacts, dropped: events.length - kept.length, doubleSupport };
}
