// Keypoint CSVs are streamed line by line (issue 15): same track as the whole-text parser, line breaks of any kind,
// characters split across read blocks, and a file that is not UTF-8 refused in words.
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { readKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import { tempDir } from '../video/makeTestMedia';

const FIXTURE = 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv';
let dir: string;
beforeAll(async () => {
  dir = await tempDir('lopsided-csv-stream-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readKeypointCsv', () => {
  it('gives the same track as parsing the whole text, with CRLF and no final line break', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const path = join(dir, 'crlf.csv');
    await writeFile(path, text.trimEnd().replace(/\n/g, '\r\n'));
    const streamed = await readKeypointCsv(path, 'crlf.csv', { name: 'x' });
    expect(streamed).toEqual(parseKeypointCsv(text, { name: 'x' }));
  });

  it('keeps a character whose bytes fall on both sides of a 1 MB read block', async () => {
    const header = 'time_s,a_x,a_y\n';
    const filler = `# ${'x'.repeat(1024 * 1024 - header.length - 3)}ä\n`; // 'ä' is 2 bytes: its 2nd is past 1 MiB
    const path = join(dir, 'split.csv');
    await writeFile(path, `${header}${filler}0,1,2\n0.1,3,4\n`);
    const track = await readKeypointCsv(path, 'split.csv', { name: 'split' });
    expect(track.keypoints.a?.x).toEqual([1, 3]);
  });

  it('refuses a Latin-1 file, saying it is not UTF-8', async () => {
    const path = join(dir, 'latin1.csv');
    await writeFile(path, Buffer.concat([Buffer.from('# L'), Buffer.from([0xe4]), Buffer.from('ufer\ntime_s,a_x,a_y\n0,1,2\n')]));
    await expect(readKeypointCsv(path, 'latin1.csv', { name: 'latin1' })).rejects.toMatchObject({
      code: 'INPUT_NOT_UTF8', message: expect.stringMatching(/^latin1\.csv is not UTF-8 text/),
    });
  });

  it('refuses a UTF-16 export', async () => {
    const path = join(dir, 'utf16.csv');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('time_s,a_x,a_y\n0,1,2\n', 'utf16le')]));
    await expect(readKeypointCsv(path, 'utf16.csv', { name: 'utf16' })).rejects.toMatchObject({ code: 'INPUT_NOT_UTF8' });
  });
});
