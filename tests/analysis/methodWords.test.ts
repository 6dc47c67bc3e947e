// Issue 13: the PDF's method page showed code names (contactTimeMs, findGaitEvents). The method text of report.json,
// which the PDF prints, must say what was done in words, and its labels are the measures' one names.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { METRIC_NAME } from '../../src/analysis/metricNames';
import { methodLabel } from '../../src/main/report/notesSection';
import { loadRbdsTrack, loadSyntheticJointTruth, ownRenderedClip } from '../../scripts/validate/truthLoaders';
import type { PoseTrack } from '../../src/analysis/types';

/** camelCase or snake_case identifiers, or a call with empty parentheses: code, not words. */
const CODE = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b|\w+\(\)/;

function methodOf(track: PoseTrack, pxPerCm?: number): Record<string, string> {
  const r = analyseTrack(track, { view: 'auto', ...(pxPerCm ? { pxPerCm } : {}) }, { path: 't', fps: 60, durationSec: 10, width: track.width, height: track.height });
  return r.method ?? {};
}

describe('the method in words', () => {
  const cases: [string, Record<string, string>][] = [
    ['side view', methodOf(loadRbdsTrack('RBDS008_T35', 'side', 60))],
    ['rear view, scale known', methodOf(loadRbdsTrack('RBDS008_T35', 'rear', 60), 5)],
    ['rear view, rendered joints', methodOf(loadSyntheticJointTruth(ownRenderedClip('rear')))],
  ];
  for (const [name, method] of cases) {
    it(`${name}: no code names in the text, and every label is words`, () => {
      expect(Object.keys(method).length).toBeGreaterThan(4);
      for (const [key, text] of Object.entries(method)) {
        expect(text.match(CODE)?.[0], `${key}: ${text}`).toBeUndefined();
        expect(methodLabel(key)).not.toMatch(CODE);
      }
    });
  }

  it('cites the references page the project ships, docs/references.md, and no other (issue 13)', () => {
    const text = cases.map(([, m]) => Object.values(m).join(' ')).join(' ');
    expect(text).toContain('docs/references.md');
    expect(text.replace(/docs\/references\.md/g, '')).not.toMatch(/references\.md/);
    expect(existsSync(join(import.meta.dirname, '..', '..', 'docs', 'references.md'))).toBe(true);
  });

  it('a metric id is labelled with the measure\'s own name', () => {
    expect(methodLabel('stepWidthCm')).toBe(METRIC_NAME.stepWidthCm);
    expect(methodLabel('hipDropDeg')).toBe('Hip drop at mid-stance');
    expect(methodLabel('verticalOscillation')).toBe('Vertical oscillation');
  });
});
