import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatCliError, UsageError } from '../../../src/main/cli/cliErrors';
import { parseFps, parseModel, parsePaper, parsePelvisMarks, parsePxPerCm, parseRuntime, parseView, parseWorkers } from '../../../src/main/cli/parseCliOptions';
import { VideoError } from '../../../src/main/video/videoErrors';

describe('CLI option parsers', () => {
  it('accept good values', () => {
    expect(parseModel('movenet-thunder')).toBe('movenet-thunder');
    expect(parseWorkers('2')).toBe(2);
    expect(parseFps('29.97')).toBe(29.97);
    expect(parseView('rear')).toBe('rear');
    expect(parseModel('auto')).toBe('auto');
    expect(parseModel('heavy')).toBe('heavy');
    expect(parsePaper('letter')).toBe('LETTER');
    expect(parsePelvisMarks('off')).toBe('off');
    expect(parsePxPerCm('5')).toBe(5);
    expect(parsePelvisMarks('310,620, 410,618')).toEqual({ left: { x: 310, y: 620 }, right: { x: 410, y: 618 } });
  });

  it('refuse bad values with a UsageError naming the option', () => {
    expect(() => parseModel('huge')).toThrow(/--model must be one of auto, heavy, full, lite/);
    expect(() => parseWorkers('0')).toThrow(/--workers must be between 1 and 64/);
    expect(() => parseWorkers('two')).toThrow(/whole number/);
    expect(() => parseFps('-3')).toThrow(/--fps/);
    expect(() => parseView('front')).toThrow(/--view must be side, rear or auto/);
    expect(() => parsePelvisMarks('1,2,3')).toThrow(/x1,y1,x2,y2/);
    expect(() => parsePelvisMarks('1,2,3,x')).toThrow(UsageError);
    expect(() => parsePxPerCm('0')).toThrow(/--px-per-cm must be the image scale at the runner/);
    expect(() => parsePxPerCm('five')).toThrow(UsageError);
  });
});

describe('exit codes and error lines', () => {
  it('2 for input/usage, 130 for cancel, 1 otherwise', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    expect(exitCodeFor(new VideoError('TRUNCATED', 'x'))).toBe(2);
    expect(exitCodeFor(new VideoError('ABORTED', 'x'))).toBe(130);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
    expect(exitCodeFor(Object.assign(new Error('x'), { code: 'POSE_WORKER_CRASHED' }))).toBe(1);
  });

  it('one line without a stack unless --debug', () => {
    const e = new VideoError('NOT_A_VIDEO', 'Not a video file: a.mp4.');
    expect(formatCliError(e, false)).toBe('lopsided: Not a video file: a.mp4.');
    const dbg = formatCliError(e, true);
    expect(dbg).toContain('[NOT_A_VIDEO]');
    expect(dbg).toContain('at ');
  });
});

describe('parseRuntime', () => {
  it('accepts auto, onnx and tfjs and names the choices otherwise', () => {
    expect(parseRuntime('onnx')).toBe('onnx');
    expect(parseRuntime('tfjs')).toBe('tfjs');
    expect(parseRuntime('auto')).toBe('auto');
    expect(() => parseRuntime('gpu')).toThrow(/--runtime must be one of auto, onnx, tfjs/);
  });
});
