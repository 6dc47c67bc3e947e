import { describe, expect, it } from 'vitest';
import {
  classifyFfmpegFailure, LineSplitter, parseFfmpegProgress, parseShowinfoLine, parseShowinfoTimeBase,
} from '../../../src/main/video/parseFfmpegStderr';

// Real lines from the bundled ffmpeg 4.1 build decoding fixtures/videos/treadmill_side_30fps.mp4.
const SHOWINFO = '[Parsed_showinfo_2 @ 0x37662a40] n:   3 pts:  16384 pts_time:1.06667 pos:   206731 fmt:rgb24 sar:0/1 s:360x640 i:P iskey:0 type:P checksum:7E3B48E7 plane_checksum:[7E3B48E7] mean:[105 ] stdev:[54.1 ]';
const CONFIG = '[Parsed_showinfo_2 @ 0x37662a40] config in time_base: 1/15360, frame_rate: 30/1';
const STATS = 'frame=    6 fps=0.0 q=-0.0 Lsize=    4050kB time=00:00:01.16 bitrate=28437.9kbits/s speed=11.4x    ';

describe('showinfo', () => {
  it('reads n, exact pts and pts_time', () => {
    expect(parseShowinfoLine(SHOWINFO)).toEqual({ n: 3, pts: 16384, ptsTime: 1.06667 });
    expect(parseShowinfoLine(CONFIG)).toBeNull();
    expect(parseShowinfoLine(STATS)).toBeNull();
  });
  it('reads the time base so pts × tb is exact', () => {
    expect(parseShowinfoTimeBase(CONFIG)).toBeCloseTo(1 / 15360, 12);
    expect(16384 * (parseShowinfoTimeBase(CONFIG) ?? 0)).toBeCloseTo(1.0666666667, 9);
    expect(parseShowinfoTimeBase('[Parsed_showinfo_2 @ 0x37662a40] config out time_base: 0/0, frame_rate: 0/0')).toBeNull();
  });
});

describe('parseFfmpegProgress', () => {
  it('parses a stats line', () => {
    expect(parseFfmpegProgress(STATS, 12)).toEqual({ frame: 6, fps: 0, timeSec: 1.16, speed: 11.4, fraction: 1.16 / 12 });
  });
  it('parses an ffmpeg 6 style line and hours', () => {
    const p = parseFfmpegProgress('frame= 1234 fps=310 q=-0.0 size=  829440kB time=01:02:03.50 bitrate=N/A speed=10.3x');
    expect(p).toMatchObject({ frame: 1234, fps: 310, timeSec: 3723.5, speed: 10.3 });
    expect(p?.fraction).toBeUndefined();
  });
  it('ignores other lines', () => {
    expect(parseFfmpegProgress('Stream mapping:')).toBeNull();
    expect(parseFfmpegProgress(SHOWINFO)).toBeNull();
  });
});

describe('LineSplitter', () => {
  it('splits on \\r and \\n across chunks', () => {
    const s = new LineSplitter();
    expect(s.push('frame=  1 time=00:00:00.03\rframe=  2 ti')).toEqual(['frame=  1 time=00:00:00.03']);
    expect(s.push('me=00:00:00.06\r\nlast')).toEqual(['frame=  2 time=00:00:00.06']);
    expect(s.flush()).toEqual(['last']);
  });
});

describe('classifyFfmpegFailure', () => {
  it('maps real ffprobe messages to codes', () => {
    expect(classifyFfmpegFailure('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x35f0b200] moov atom not found\nx.mp4: Invalid data found when processing input').code).toBe('TRUNCATED');
    expect(classifyFfmpegFailure('x.mp4: Invalid data found when processing input').code).toBe('NOT_A_VIDEO');
    expect(classifyFfmpegFailure('x.mp4: No such file or directory').code).toBe('FILE_NOT_FOUND');
    expect(classifyFfmpegFailure('something else').code).toBe('DECODE_FAILED');
  });
});
