import { describe, expect, it } from 'vitest';
import { packagedEnv } from '../../../src/main/electron/packagedPaths';

describe('packagedEnv', () => {
  const base = { resourcesPath: '/opt/Lopsided/resources', ffmpegPath: '/opt/Lopsided/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg', ffprobePath: null };
  it('points models at resources/models and binaries at app.asar.unpacked when packaged', () => {
    expect(packagedEnv({ ...base, isPackaged: true, env: {} })).toEqual({
      LOPSIDED_MODELS_DIR: '/opt/Lopsided/resources/models',
      LOPSIDED_FFMPEG: '/opt/Lopsided/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    });
  });
  it('changes nothing in development, and never overrides what the user set', () => {
    expect(packagedEnv({ ...base, isPackaged: false, env: {} })).toEqual({});
    expect(packagedEnv({ ...base, isPackaged: true, env: { LOPSIDED_MODELS_DIR: '/m', LOPSIDED_FFMPEG: '/f' } })).toEqual({});
  });
});
