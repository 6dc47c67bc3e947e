import { describe, expect, it } from 'vitest';
import { checkCapture } from '../../../src/main/library/checkCapture';
import { resolveDataDir } from '../../../src/main/library/dataDir';
import { FAKE_INFO } from './fakeRunner';

const level = (info: Partial<typeof FAKE_INFO>, id: string) => checkCapture({ ...FAKE_INFO, ...info }).find((c) => c.id === id)?.level;

describe('checkCapture', () => {
  it('grades frame rate: 120 ok, 30 warn (33 ms frames), 15 error', () => {
    expect(level({ avgFps: 120 }, 'fps')).toBe('ok');
    expect(level({ avgFps: 30 }, 'fps')).toBe('warn');
    expect(checkCapture({ ...FAKE_INFO, avgFps: 30 })[0]?.message).toContain('33 ms');
    expect(level({ avgFps: 15 }, 'fps')).toBe('error');
    expect(level({ avgFps: Number.NaN }, 'fps')).toBe('error');
  });
  it('grades duration and resolution, and mentions rotation and variable frame rate only when present', () => {
    expect(level({ durationSec: 25 }, 'duration')).toBe('ok');
    expect(level({ durationSec: 6 }, 'duration')).toBe('warn');
    expect(level({ durationSec: 1 }, 'duration')).toBe('error');
    expect(level({ durationSec: 600 }, 'duration')).toBe('warn');
    expect(level({ width: 320, height: 240 }, 'resolution')).toBe('warn');
    expect(level({ width: 1920, height: 1080 }, 'resolution')).toBe('ok');
    expect(level({}, 'rotation')).toBeUndefined();
    expect(level({ rotationDeg: 90 }, 'rotation')).toBe('ok');
    expect(level({ variableFrameRate: true }, 'variableFrameRate')).toBe('warn');
  });
});

describe('resolveDataDir', () => {
  it('prefers LOPSIDED_DATA_DIR, else the OS app data folder', () => {
    expect(resolveDataDir({ LOPSIDED_DATA_DIR: '/data/x' }, 'linux', '/home/u')).toBe('/data/x');
    expect(resolveDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/lopsided');
    expect(resolveDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/lopsided');
    expect(resolveDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Lopsided');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toMatch(/Roaming.Lopsided$/);
  });
});
