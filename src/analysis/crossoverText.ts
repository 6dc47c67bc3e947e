// Crossover per side in words (issue 16), for the verdict, the PDF and the app: a count of stances, never a level
// (docs/references.md "Step width and crossover").
import type { Side } from './types';

export type CrossoverCounts = Record<Side, { count: number; of: number }>;

export function crossoverText(c: CrossoverCounts): string {
  const part = (side: Side): string => `the ${side} in ${c[side].count} of ${c[side].of}`;
  return c.left.count + c.right.count === 0
    ? `No foot landed across the midline (left ${c.left.of}, right ${c.right.of} stances measured).`
    : `A foot landed across the midline (crossover): ${part('left')} stances, ${part('right')}.`;
}
