// The method texts of a session (mergeSession.ts). Each measure is said the way the clip it came from read it: with
// both side clips the left side's side-view measures come from the left clip and the right side's from the right one,
// each with its own camera (its own vertical for the angles, its own belt, frame rate and pose run); hip drop, step
// width and sway come from the rear clip alone. Taking one clip's texts for all would misstate the other clips'
// (a rear clip's hip-drop method was missing from sessions, and the right side's angles were said to be read against
// the left clip's vertical).
import type { AnalysisResult } from './types';

interface NamedClip { name: string; result: AnalysisResult }

/** Measures only a rear clip gives (their method keys are the metric ids). */
const REAR_KEYS = new Set(['hipDropDeg', 'stepWidthCm', 'stepWidthPctHip', 'lateralSwayPx']);
/** Everything about the run as a whole (which model, which event rules, how sides are compared) comes from every clip. */
const WHOLE_SESSION_KEYS = new Set(['source', 'events', 'comparison', 'flags', 'quality']);
/** The session's own timing text replaces the clips'. */
const DROPPED_KEYS = new Set(['timing']);

export interface SessionClips { left: NamedClip | null; right: NamedClip | null; rear: NamedClip | null }

function label(clips: SessionClips, clip: NamedClip): string {
  const where = clip === clips.left ? 'from the left' : clip === clips.right ? 'from the right' : 'from behind';
  return `${clip.name} (${where})`;
}

/** The clips whose text for this key the session's numbers come from. */
function sourcesOf(key: string, clips: SessionClips): NamedClip[] {
  const sides = [clips.left, clips.right].filter((c): c is NamedClip => c !== null);
  if (REAR_KEYS.has(key)) return clips.rear ? [clips.rear] : sides;
  if (WHOLE_SESSION_KEYS.has(key)) return [...sides, ...(clips.rear ? [clips.rear] : [])];
  return sides.length > 0 ? sides : clips.rear ? [clips.rear] : [];
}

export function sessionMethod(clips: SessionClips): Record<string, string> {
  const all = [clips.left, clips.right, clips.rear].filter((c): c is NamedClip => c !== null);
  const keys = [...new Set(all.flatMap((c) => Object.keys(c.result.method ?? {})))].filter((k) => !DROPPED_KEYS.has(k));
  const out: Record<string, string> = {};
  for (const key of keys) {
    const said = sourcesOf(key, clips).flatMap((c) => {
      const text = c.result.method?.[key];
      return text ? [{ clip: c, text }] : [];
    });
    if (said.length === 0) continue;
    const distinct = new Set(said.map((s) => s.text));
    out[key] = distinct.size === 1 ? (said[0] as { text: string }).text : said.map((s) => `${label(clips, s.clip)}: ${s.text}`).join('\n');
  }
  return out;
}
