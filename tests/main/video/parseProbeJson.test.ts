import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePacketTimes, parseProbeJson, parseRate, summariseFrameTimes } from '../../../src/main/video/parseProbeJson';
import { VideoError } from '../../../src/main/video/videoErrors';

// Captured with the bundled ffprobe (6.x build) from the fixtures and clips made by makeTestMedia.ts.
const load = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'probe-json', `${name}.json`), 'utf8'));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof VideoError ? e.code : 'not a VideoError';
  }
  return undefined;
}

describe('parseProbeJson', () => {
  it('reads the treadmill fixture: 720x1280 portrait, 30 fps, 360 frames, no rotation', () => {
    const v = parseProbeJson(load('treadmill_side_30fps'), 'x.mp4');
    expect(v).toMatchObject({
      width: 720, height: 1280, codedWidth: 720, codedHeight: 1280, rotationDeg: 0, codec: 'h264',
      frameCount: 360, durationSec: 12, avgFps: 30, realFps: 30, variableFrameRate: false, path: 'x.mp4',
    });
  });

  it('keeps NTSC rates exact (30000/1001)', () => {
    const v = parseProbeJson(load('overground_run_side_30fps'));
    expect(v.avgFps).toBeCloseTo(29.97003, 4);
    expect(v.frameCount).toBe(47);
    expect(v.variableFrameRate).toBe(false);
  });

  it('a phone portrait clip stored landscape with a display matrix of -90 (ccw) is 90° clockwise, displayed portrait', () => {
    const v = parseProbeJson(load('phone_portrait_rot90cw'));
    expect(v.rotationDeg).toBe(90);
    expect([v.codedWidth, v.codedHeight]).toEqual([1280, 720]);
    expect([v.width, v.height]).toEqual([720, 1280]);
  });

  it('display matrix +90 (ccw) is 270° clockwise; 180 stays landscape', () => {
    const a = parseProbeJson(load('rotated_tag90_reads_270cw'));
    expect(a.rotationDeg).toBe(270);
    expect([a.width, a.height]).toEqual([240, 320]);
    const b = parseProbeJson(load('rotated_180'));
    expect(b.rotationDeg).toBe(180);
    expect([b.width, b.height]).toEqual([320, 240]);
  });

  it('reads the legacy `rotate` tag (older ffprobe output) as clockwise', () => {
    const legacy = {
      streams: [{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, r_frame_rate: '30/1', avg_frame_rate: '30/1', nb_frames: '300', duration: '10.0', tags: { rotate: '90' } }],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10.0' },
    };
    const v = parseProbeJson(legacy);
    expect(v.rotationDeg).toBe(90);
    expect([v.width, v.height]).toEqual([1080, 1920]);
  });

  it('flags variable frame rate when the nominal and average rates disagree', () => {
    const v = parseProbeJson(load('vfr_43_23ms'));
    expect(v.variableFrameRate).toBe(true);
    expect(v.realFps).toBe(45);
  });

  it('refuses audio-only files and still images with their own codes', () => {
    expect(codeOf(() => parseProbeJson(load('audio_only'), 'a.m4a'))).toBe('NO_VIDEO_STREAM');
    expect(codeOf(() => parseProbeJson(load('still_png'), 's.png'))).toBe('STILL_IMAGE');
    expect(codeOf(() => parseProbeJson(load('still_jpg'), 's.jpg'))).toBe('STILL_IMAGE');
  });

  it('ignores cover art (attached_pic) when looking for the video stream', () => {
    const mp3 = {
      streams: [
        { codec_type: 'audio', codec_name: 'mp3' },
        { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
      ],
      format: { format_name: 'mp3' },
    };
    expect(codeOf(() => parseProbeJson(mp3))).toBe('NO_VIDEO_STREAM');
  });
});

describe('frame times', () => {
  it('parses packet csv, drops leading discarded packets, keeps a trailing one, sorts B-frame order', () => {
    expect(parsePacketTimes('0.000000,K__\n0.066667,___\n0.033333,___\n-0.033333,_D_\nN/A,___\n')).toEqual([0, 0.033333, 0.066667]);
    // the bundled ffmpeg 4.1 muxer marks the last packet D; ffmpeg still shows that frame
    expect(parsePacketTimes('0.000000,K__\n1.933000,___\n1.976000,_D_\n')).toEqual([0, 1.933, 1.976]);
  });

  it('CFR spacing is not VFR; alternating 43/23 ms is', () => {
    const cfr = Array.from({ length: 100 }, (_, i) => Math.round((i / 30) * 1e6) / 1e6);
    expect(summariseFrameTimes(cfr)).toMatchObject({ frameCount: 100, variableFrameRate: false });
    expect(summariseFrameTimes(cfr)?.avgFps).toBeCloseTo(30, 3);
    const vfr = Array.from({ length: 60 }, (_, i) => (Math.round((i * 1000) / 30) + 10 * (i % 2)) / 1000);
    expect(summariseFrameTimes(vfr)?.variableFrameRate).toBe(true);
    expect(summariseFrameTimes([1])).toBeNull();
  });

  it('parseRate handles fractions, integers and 0/0', () => {
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('25')).toBe(25);
    expect(parseRate('0/0')).toBeNaN();
  });
});
