// Left and right keep the same two colours everywhere in the app (issue 4), chosen from a colour-blind-safe
// palette (blue vs orange stay distinct in deuteranopia and protanopia), and always come with a text label.
import type { FlagLevel, Side } from '../../shared/contract';

export const SIDES: readonly Side[] = ['left', 'right'];
export const SIDE_COLOUR: Record<Side, string> = { left: '#1f77b4', right: '#d95f02' };
export const SIDE_LABEL: Record<Side, string> = { left: 'Left', right: 'Right' };
export const SIDE_LETTER: Record<Side, string> = { left: 'L', right: 'R' };
/** Neutral colour for bones that belong to neither side (shoulder line, hip line). */
export const CENTRE_COLOUR = '#f2f2f2';

/** Flag levels: shown as a shaped mark plus a word, never colour alone. Kept away from the two side colours. */
/** 'unclear' (the clip cannot tell) is grey with a hollow mark: never the green of a difference shown to be small. */
export const LEVEL_COLOUR: Record<FlagLevel, string> = { normal: '#2e7d32', unclear: '#5f6368', watch: '#9a7b00', marked: '#b71c1c' };
export const LEVEL_WORD: Record<FlagLevel, string> = { normal: 'Normal', unclear: 'Unclear', watch: 'Watch', marked: 'Marked' };
export const LEVEL_MARK: Record<FlagLevel, string> = { normal: '●', unclear: '○', watch: '▲', marked: '■' };
