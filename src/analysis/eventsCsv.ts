// Reads events.csv back (issue 13: `lopsided analyse … --events corrected-events.csv`): the format resultCsv.ts
// writes — side, type, time_s, frame, corrected_by_hand. Every bad line is an error naming the line and the column.
import { AnalysisError } from './analysisError';
import type { GaitEvent, GaitEventType, Side } from './types';

const REQUIRED = ['side', 'type', 'time_s'] as const;
const TYPE_WORDS: Record<string, GaitEventType> = { footstrike: 'footStrike', toeoff: 'toeOff' };

function splitRow(line: string): string[] {
  return line.split(',').map((c) => c.trim());
}

function parseFlag(v: string, where: string): boolean {
  const s = v.toLowerCase();
  if (s === '' || s === '0' || s === 'false' || s === 'no') return false;
  if (s === '1' || s === 'true' || s === 'yes') return true;
  throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: corrected_by_hand must be 1 or 0 (got "${v}").`);
}

/**
 * Events from the text of an events.csv. A file without the corrected_by_hand column (written elsewhere, e.g. force
 * plates or an older Lopsided) has every event taken as set from outside the clip, i.e. by hand: the pose model's
 * reliability evidence is not claimed for events it did not time.
 */
export function parseEventsCsv(text: string, sourceName = 'events.csv'): GaitEvent[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) throw new AnalysisError('EVENTS_CSV_BAD_HEADER', `${sourceName} is empty: it needs a header line "side,type,time_s,frame,corrected_by_hand" and one line per event.`);
  const header = splitRow(lines[headerAt] as string).map((h) => h.toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AnalysisError('EVENTS_CSV_BAD_HEADER', `${sourceName} line ${headerAt + 1}: the header has no ${missing.join(', ')} column (expected "side,type,time_s,frame,corrected_by_hand", as Lopsided's events.csv).`);
  }
  const col = (name: string): number => header.indexOf(name);
  const hasHand = col('corrected_by_hand') >= 0;
  const events: GaitEvent[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const where = `${sourceName} line ${i + 1}`;
    const cells = splitRow(line);
    if (cells.length < header.length) throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: ${cells.length} values for ${header.length} columns ("${line.trim()}").`);
    const side = cells[col('side')] as string;
    if (side !== 'left' && side !== 'right') throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: side must be left or right (got "${side}").`);
    const typeCell = cells[col('type')] as string;
    const type = TYPE_WORDS[typeCell.toLowerCase().replace(/[_\s-]/g, '')];
    if (type === undefined) throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: type must be footStrike or toeOff (got "${typeCell}").`);
    const timeCell = cells[col('time_s')] as string;
    const timeSec = Number(timeCell);
    if (timeCell === '' || !Number.isFinite(timeSec) || timeSec < 0) throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: time_s must be a time in seconds ≥ 0 (got "${timeCell}").`);
    const frameCell = col('frame') >= 0 ? (cells[col('frame')] as string) : '';
    if (frameCell !== '' && !/^\d+$/.test(frameCell)) throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${where}: frame must be a whole number ≥ 0 or empty (got "${frameCell}").`);
    const hand = hasHand ? parseFlag(cells[col('corrected_by_hand')] as string, where) : true;
    events.push({ side: side as Side, type, timeSec, frame: frameCell === '' ? 0 : Number(frameCell), ...(hand ? { correctedByHand: true } : {}) });
  }
  if (events.length === 0) throw new AnalysisError('EVENTS_CSV_BAD_ROW', `${sourceName} has a header but no events.`);
  return events;
}
