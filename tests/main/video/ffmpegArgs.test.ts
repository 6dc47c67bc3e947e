import { describe, expect, it } from 'vitest';
import { buildDecodeArgs, buildPacketProbeArgs, buildProbeArgs, computeScaledSize, rotationFilters } from '../../../src/main/video/ffmpegArgs';

describe('computeScaledSize', () => {
  it('scales the long side to 640 with even sizes', () => {
    expect(computeScaledSize(720, 1280, 640)).toEqual({ width: 360, height: 640, scale: 0.5 });
    expect(computeScaledSize(1920, 1080, 640)).toMatchObject({ width: 640, height: 360 });
    expect(computeScaledSize(480, 352, 640)).toMatchObject({ width: 480, height: 352 }); // never upscales
    const odd = computeScaledSize(1000, 333, 640);
    expect(odd.width % 2).toBe(0);
    expect(odd.height % 2).toBe(0);
  });
});

describe('buildDecodeArgs', () => {
  const base = { absPath: '/v/-run clip.mp4', rotationDeg: 0 as const, outWidth: 360, outHeight: 640, hasFpsMode: false };

  it('reads the file through the file: protocol so a leading dash is not an option', () => {
    const a = buildDecodeArgs(base);
    expect(a[a.indexOf('-i') + 1]).toBe('file:/v/-run clip.mp4');
    expect(buildProbeArgs('/v/-x.mp4').at(-1)).toBe('file:/v/-x.mp4');
    expect(buildPacketProbeArgs('/v/-x.mp4').at(-1)).toBe('file:/v/-x.mp4');
  });

  it('passes timestamps through, prints them with showinfo and writes rgb24 to stdout', () => {
    const a = buildDecodeArgs(base);
    expect(a).toContain('-copyts');
    expect(a).toContain('-noautorotate');
    expect(a.join(' ')).toContain('-vsync passthrough');
    expect(a[a.indexOf('-vf') + 1]).toBe('scale=360:640:flags=area,format=rgb24,showinfo');
    expect(a.slice(-5)).toEqual(['-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1']);
    expect(buildDecodeArgs({ ...base, hasFpsMode: true }).join(' ')).toContain('-fps_mode passthrough');
  });

  it('seeks as an input option (before -i) and limits duration there too', () => {
    const a = buildDecodeArgs({ ...base, seekSec: 4.75, durationSec: 1.5 });
    const i = a.indexOf('-i');
    expect(a.indexOf('-ss')).toBeLessThan(i);
    expect(a[a.indexOf('-ss') + 1]).toBe('4.750000');
    expect(a.indexOf('-t')).toBeLessThan(i);
    expect(a).not.toContain('-ss'.repeat(2));
    expect(buildDecodeArgs({ ...base, seekSec: 0 })).not.toContain('-ss');
  });

  it('rotates before scaling, clockwise as probed', () => {
    expect(rotationFilters(90)).toEqual(['transpose=clock']);
    expect(rotationFilters(270)).toEqual(['transpose=cclock']);
    expect(rotationFilters(180)).toEqual(['hflip', 'vflip']);
    const a = buildDecodeArgs({ ...base, rotationDeg: 90 });
    expect(a[a.indexOf('-vf') + 1]).toMatch(/^transpose=clock,scale=/);
  });
});
