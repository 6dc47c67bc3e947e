import { describe, expect, it } from 'vitest';
import { beltSpeedToMps } from '../../../src/renderer/format/beltSpeed';
import { etaText, stageBars } from '../../../src/renderer/format/progressStages';
import { parseRoute, routeHash } from '../../../src/renderer/format/route';
import { fakeJob } from '../fakeApi';

describe('beltSpeedToMps', () => {
  it('converts treadmill units to m/s', () => {
    expect(beltSpeedToMps('12.6', 'km/h')).toBeCloseTo(3.5, 6);
    expect(beltSpeedToMps('7,5', 'mph')).toBeCloseTo(3.3528, 4);
    expect(beltSpeedToMps('3.5', 'm/s')).toBe(3.5);
  });
  it('tells an empty field (no speed) from nonsense', () => {
    expect(beltSpeedToMps('  ', 'km/h')).toBeUndefined();
    expect(beltSpeedToMps('fast', 'km/h')).toBeNull();
    expect(beltSpeedToMps('0', 'km/h')).toBeNull();
    expect(beltSpeedToMps('90', 'km/h')).toBeNull();
  });
});

describe('stageBars', () => {
  it('marks earlier stages done, the current one partial, later ones waiting', () => {
    const bars = stageBars(fakeJob({ status: 'running', progress: { stage: 'pose', done: 150, total: 600 } }));
    expect(bars.map((b) => [b.stage, b.state, b.fraction])).toEqual([
      ['decode', 'done', 1], ['pose', 'active', 0.25], ['analysis', 'waiting', 0],
    ]);
  });
  it('adds the pelvis stage for rear clips and handles unknown totals', () => {
    const bars = stageBars(fakeJob({ status: 'running', options: { model: 'full', view: 'rear' }, progress: { stage: 'decode', done: 10, total: null } }));
    expect(bars.map((b) => b.stage)).toEqual(['decode', 'pose', 'pelvis', 'analysis']);
    expect(bars[0]!.fraction).toBeNull();
  });
  it('says time left in words', () => {
    expect(etaText(42.4)).toBe('about 42 s left');
    expect(etaText(125)).toBe('about 2 min 5 s left');
    expect(etaText(undefined)).toBe('');
  });
});

describe('route', () => {
  it('round-trips job routes and falls back to the open screen', () => {
    const r = { screen: 'job', jobId: 'a b/c', tab: 'side' } as const;
    expect(parseRoute(routeHash(r))).toEqual(r);
    expect(parseRoute('#/job/x')).toEqual({ screen: 'job', jobId: 'x', tab: 'review' });
    expect(parseRoute('')).toEqual({ screen: 'open' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'open' });
  });
});
