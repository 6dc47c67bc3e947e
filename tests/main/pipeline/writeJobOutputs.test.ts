// Outputs are all-or-nothing: complete files renamed into place, nothing on failure or cancel.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import type { JobOutput } from '../../../src/main/pipeline/analyseVideo';
import { toReportJson, writeJobOutputs } from '../../../src/main/pipeline/writeJobOutputs';
import { tempDir } from '../video/makeTestMedia';

let dir: string;
let output: JobOutput;
beforeAll(async () => {
  dir = await tempDir('lopsided-job-');
  output = await analyseKeypointCsv('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', { view: 'auto' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyseKeypointCsv', () => {
  it('describes the series as a VideoInfo and analyses it', () => {
    expect(output.info).toMatchObject({ codec: 'keypoint-csv', frameCount: 360, variableFrameRate: false });
    expect(output.info.avgFps).toBeCloseTo(30, 3);
    expect(output.result.view).toBe('side');
    expect(output.result.events.length).toBeGreaterThan(20);
  });
});

describe('writeJobOutputs', () => {
  it('writes report.json with NaN as null, and the CSVs', async () => {
    const out = join(dir, 'ok');
    const files = await writeJobOutputs(out, output, { pdf: false });
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['report.json', 'keypoints.csv', 'events.csv', 'steps.csv']);
    expect((await readdir(out)).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
    const text = await readFile(join(out, 'report.json'), 'utf8');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text).schemaVersion).toBe(1);
    expect(toReportJson({ a: NaN, b: [1, Infinity] })).toBe('{\n  "a": null,\n  "b": [\n    1,\n    null\n  ]\n}\n');
  });

  it('a failing PDF leaves no file at all (not even the CSVs or temps)', async () => {
    const out = join(dir, 'fail');
    const broken = { ...output, result: { ...output.result, schemaVersion: 2 as unknown as 1 } };
    await expect(writeJobOutputs(out, broken, { pdf: true })).rejects.toThrow();
    expect(await readdir(out)).toEqual([]);
  });

  it('a cancelled write leaves nothing', async () => {
    const out = join(dir, 'cancel');
    const ac = new AbortController();
    ac.abort();
    await expect(writeJobOutputs(out, output, { pdf: false, signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an output folder that cannot be written', async () => {
    await expect(writeJobOutputs('/proc/lopsided-no', output, { pdf: false })).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITABLE' });
  });
});
