import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileModelHandler } from '../../../src/main/pose/fileModelHandler';
import { modelFilesFor, modelsDir } from '../../../src/main/pose/modelFiles';
import { findPackageRoot } from '../../../src/main/pose/packagePaths';

describe('modelFiles', () => {
  it('finds <package root>/models, or LOPSIDED_MODELS_DIR when set', () => {
    const root = findPackageRoot();
    expect(root).not.toBeNull();
    expect(modelsDir({})).toBe(join(root as string, 'models'));
    expect(modelsDir({ LOPSIDED_MODELS_DIR: '/opt/m' })).toBe('/opt/m');
  });

  it('lists the detector and landmark model for BlazePose, one file for MoveNet', () => {
    expect(modelFilesFor('full').map((f) => f.stem)).toEqual(['blazepose-detector', 'blazepose-full']);
    expect(modelFilesFor('movenet-thunder').map((f) => f.stem)).toEqual(['movenet-thunder']);
  });

  it('names every missing file and says how to get them (MODELS_MISSING)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lopsided-models-'));
    writeFileSync(join(dir, 'blazepose-detector.json'), '{}');
    let err: unknown;
    try {
      modelFilesFor('heavy', dir);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'MODELS_MISSING' });
    const msg = (err as Error).message;
    for (const f of ['blazepose-detector.bin', 'blazepose-heavy.json', 'blazepose-heavy.bin']) expect(msg).toContain(f);
    expect(msg).not.toContain('blazepose-detector.json');
    expect(msg).toContain('npm run fetch-models');
  });
});

describe('fileModelHandler', () => {
  it('loads topology, weight specs and all weight bytes from local files', async () => {
    const [detector] = modelFilesFor('full');
    const artifacts = await fileModelHandler(detector?.jsonPath as string).load?.();
    const bin = readFileSync(join(modelsDir(), 'blazepose-detector.bin'));
    expect(artifacts?.format).toBe('graph-model');
    expect((artifacts?.weightData as ArrayBuffer).byteLength).toBe(bin.byteLength);
    expect(Buffer.from(artifacts?.weightData as ArrayBuffer).equals(bin)).toBe(true);
    expect(artifacts?.weightSpecs?.length).toBeGreaterThan(10);
  });

  it('gives MODELS_MISSING for an unreadable model.json', async () => {
    await expect(fileModelHandler('/nonexistent/x.json').load?.()).rejects.toMatchObject({ code: 'MODELS_MISSING' });
  });
});
