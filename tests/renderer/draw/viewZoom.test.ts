import { describe, expect, it } from 'vitest';
import { clampView, fitContain, frameRegion, MAX_ZOOM, NO_ZOOM, panBy, zoomAbout } from '../../../src/renderer/draw/viewZoom';

const box = { width: 400, height: 300 };

describe('fitContain', () => {
  it('fits a portrait clip by height and a landscape clip by width, never larger than the space', () => {
    expect(fitContain({ width: 800, height: 450 }, 9 / 16)).toEqual({ width: 450 * 9 / 16, height: 450 });
    expect(fitContain({ width: 800, height: 600 }, 16 / 9)).toEqual({ width: 800, height: 450 });
    expect(fitContain({ width: 0, height: 600 }, 16 / 9)).toEqual({ width: 0, height: 0 });
  });
});

describe('zoom and pan', () => {
  it('keeps the point under the cursor where it is', () => {
    const at = { x: 100, y: 80 };
    const v = zoomAbout(NO_ZOOM, 2, at, box);
    expect(v.scale).toBe(2);
    // picture point under the cursor before: (at − offset) / scale; after: the same
    expect((at.x - v.x) / v.scale).toBeCloseTo(100, 9);
    expect((at.y - v.y) / v.scale).toBeCloseTo(80, 9);
  });
  it('never shows past the picture’s edge, never below the whole frame or beyond the maximum', () => {
    const v = panBy(zoomAbout(NO_ZOOM, 2, { x: 0, y: 0 }, box), 500, 500, box);
    expect(v).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(v, -5000, -5000, box)).toEqual({ scale: 2, x: -400, y: -300 });
    expect(zoomAbout(v, 0.1, { x: 10, y: 10 }, box)).toEqual(NO_ZOOM);
    expect(clampView({ scale: 50, x: 0, y: 0 }, box).scale).toBe(MAX_ZOOM);
  });
  it('frames a region of the video as large as the box allows, centred', () => {
    // a 1280×960 clip shown in a 400×300 box: 1 CSS px = 3.2 video px
    const v = frameRegion({ x: 320, y: 640, width: 320, height: 240 }, { width: 1280, height: 960 }, box);
    expect(v.scale).toBeCloseTo(4, 9);
    // the region's centre (480, 760) video px → (150, 237.5) CSS px at scale 1 → centre of the box at scale 4
    expect(v.x + v.scale * 150).toBeCloseTo(200, 9);
    expect(v.y + v.scale * 237.5).toBeCloseTo(150, 9);
  });
});
