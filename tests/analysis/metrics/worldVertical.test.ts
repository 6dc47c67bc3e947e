// Which vertical the side-view angles are read against (worldVertical.ts): the scene's where it shows one, else the
// belt's slant from 1.5° on, else the image's.
import { describe, expect, it } from 'vitest';
import { worldVertical } from '../../../src/analysis/worldVertical';

describe('worldVertical', () => {
  it('takes the scene\'s vertical over a slanted belt (a camera looking across the belt, not rolled)', () => {
    expect(worldVertical({ sceneVertical: { tiltDeg: -0.5, lines: 9, scatterDeg: 1 } }, 7.2)).toEqual({ deg: -0.5, from: 'scene' });
  });
  it('without scene verticals, a belt slanting 1.5° or more turns the vertical with it; less is the image\'s', () => {
    expect(worldVertical({}, 4)).toEqual({ deg: 4, from: 'belt' });
    expect(worldVertical({}, -1.6)).toEqual({ deg: -1.6, from: 'belt' });
    expect(worldVertical({}, 1.2)).toEqual({ deg: 0, from: 'image' });
    expect(worldVertical({}, null)).toEqual({ deg: 0, from: 'image' });
  });
});
