// The built CLI doing real work: keypoints on a real clip, analyse + report from a keypoint
// CSV, and Ctrl-C during keypoints leaving no file and no ffmpeg behind.
import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { readFrameTimes } from '../../../src/main/video/probeVideo';
import { copyShortFixture, ffmpegRun, FIXTURE, tempDir } from '../video/makeTestMedia';
import { assertBuilt, runCli, startCli } from './runBuiltCli';

let dir: string;
/** Clip names unique to this run: other checkouts on the same machine may run these tests at the same time. */
const RUN = `${process.pid}-${Math.random().toString(16).slice(2, 8)}`;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('lopsided-cli-run-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once the CLI reports pose frames on stderr (ffmpeg and the workers are running). */
function poseProgressSeen(child: ReturnType<typeof startCli>['child']): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no pose progress: ${err}`)), 100_000);
    child.stderr!.on('data', (s: Buffer | string) => {
      err += String(s);
      if (/pose [1-9]\d*\/360/.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** PIDs of processes whose command line mentions `needle` (the CLI itself and ffmpeg decoding that file). */
function pidsMentioning(needle: string, onlyFfmpeg = false): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n')
    .filter((l) => l.includes(needle) && !l.includes('vitest') && (!onlyFfmpeg || /ffmpeg|ffprobe/.test(l)))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('lopsided keypoints (real pose run)', () => {
  it('writes the CSV with the clip\'s own frame times and a sidecar JSON', async () => {
    const clip = await copyShortFixture(dir, 'kp clip.mp4');
    const out = join(dir, 'kp', 'track.csv');
    const r = await runCli(['keypoints', clip, '--out', out, '--model', 'lite', '--workers', '1']);
    expect(r.stderr).toMatch(/Wrote track\.csv and track\.csv\.json/);
    expect(r.code).toBe(0);
    const track = parseKeypointCsv(await readFile(out, 'utf8'), { name: 'track.csv', width: 720, height: 1280 });
    const times = await readFrameTimes(clip);
    expect(track.timesSec.length).toBe(times.length);
    track.timesSec.forEach((t, i) => expect(t).toBeCloseTo(times[i]! - times[0]!, 5));
    for (const k of ['left_hip', 'right_knee', 'left_ankle', 'right_heel', 'left_foot_index']) expect(track.keypoints[k]).toBeDefined();
    // a side clip: the feet's image motion comes with it, as `analyse` adds it, so the CSV analyses like the clip
    expect(track.footMotion?.left.toe.dxPx.filter(Number.isFinite).length).toBeGreaterThan(0.5 * track.timesSec.length);
    const seen = track.keypoints.left_hip!.x.filter(Number.isFinite).length;
    expect(seen / track.timesSec.length).toBeGreaterThan(0.9);
    const side = JSON.parse(await readFile(`${out}.json`, 'utf8')) as Record<string, unknown>;
    expect(side).toMatchObject({ schemaVersion: 1, model: 'lite', video: { width: 720, height: 1280, rotationDeg: 0 }, footMotion: true, pelvisTracking: null });
    expect(String(side.backend)).toMatch(/^ONNX Runtime \d+\.\d+/);
    expect((await readdir(join(dir, 'kp'))).sort()).toEqual(['track.csv', 'track.csv.json']);
  });

  it('--runtime tfjs forces the TF.js fallback, named in the sidecar and on the progress line', async () => {
    const clip = await copyShortFixture(dir, 'kp tfjs.mp4');
    const out = join(dir, 'kp-tfjs', 'track.csv');
    const r = await runCli(['keypoints', clip, '--out', out, '--model', 'lite', '--workers', '1', '--runtime', 'tfjs']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pose \d+\/\d+.*TF\.js WASM/);
    expect(r.stderr).not.toMatch(/ONNX Runtime/);
    const side = JSON.parse(await readFile(`${out}.json`, 'utf8')) as Record<string, unknown>;
    expect(String(side.backend)).toMatch(/^TF\.js tfjs-backend-wasm/);
  });
});

describe('lopsided analyse + report from a keypoint CSV', () => {
  it('writes the five files and prints the verdict; report rebuilds the PDF', async () => {
    const out = join(dir, 'an');
    const r = await runCli(['analyse', 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', '--out', out, '--belt-speed', '12km/h', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Side view · cadence \d+ steps\/min/);
    expect(r.stdout).toContain('Step length (cm)');
    expect((await readdir(out)).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'report.pdf', 'steps.csv']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { schemaVersion: number; view: string; cadenceSpm: number };
    expect(report.schemaVersion).toBe(1);
    expect(report.view).toBe('side');
    // source truth: 168.9 ± 0.5 steps/min (fixtures/videos/SOURCES.md); the analysis has its own tests of accuracy
    expect(Math.abs(report.cadenceSpm - 168.9)).toBeLessThan(3);
    const pdf = await readFile(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const rebuilt = join(dir, 'rebuilt.pdf');
    const r2 = await runCli(['report', join(out, 'report.json'), '--out', rebuilt, '--paper', 'letter']);
    expect(r2.code).toBe(0);
    expect((await stat(rebuilt)).size).toBeGreaterThan(10_000);
  });

  it('--no-pdf writes the four other files', async () => {
    const out = join(dir, 'nopdf');
    const r = await runCli(['analyse', 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', '--out', out, '--no-pdf', '--quiet']);
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });
});

describe('lopsided analyse with both sides of one run (a session)', () => {
  it('reads which clip filmed which side, writes each clip in its folder and the session report beside them', async () => {
    const out = join(dir, 'session');
    const r = await runCli(['analyse', 'fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv', 'fixtures/posetracks/RBDS008_T35_left.blazepose-heavy.csv', '--out', out, '--no-pdf', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("RBDS008_T35_side.blazepose-heavy.csv: read as the right side (the runner faces image-right, so the camera stood at the runner's right and the right leg is the near one) → right-side/");
    expect(r.stdout).toMatch(/RBDS008_T35_left\.blazepose-heavy\.csv: read as the left side .* → left-side\//);
    expect(r.stdout).toContain('Session of 2 clips. Each side is measured in the clip where it was the near one.');
    expect((await readdir(out)).sort()).toEqual(['left-side', 'report.json', 'right-side', 'steps.csv']);
    expect((await readdir(join(out, 'left-side'))).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { session: { clips: { role: string }[] }; metrics: Record<string, { perStep: { left: number[] } }> };
    expect(report.session.clips.map((c) => c.role)).toEqual(['rightSide', 'leftSide']);
    const leftClip = JSON.parse(await readFile(join(out, 'left-side', 'report.json'), 'utf8')) as typeof report;
    expect(report.metrics.contactTimeMs?.perStep.left).toEqual(leftClip.metrics.contactTimeMs?.perStep.left);
  });

  it('refuses two clips of the same side with a usage error naming both', async () => {
    const r = await runCli(['analyse', 'fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv', 'fixtures/posetracks/RBDS008_T35_side.blazepose-full.csv', '--out', join(dir, 'twice'), '--no-pdf', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/RBDS008_T35_side\.blazepose-heavy\.csv and RBDS008_T35_side\.blazepose-full\.csv both film the runner's right side/);
    // the first clip's analysis is kept in the folder of the side it filmed
    expect(await readdir(join(dir, 'twice'))).toEqual(['right-side']);
    expect((await readdir(join(dir, 'twice', 'right-side'))).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });

  it('refuses a second video of one side from its view check, before its pose run, and keeps the first', async () => {
    // Five seconds of the demo clip under two names (spaces, non-ASCII): the same side twice.
    const first = join(dir, 'first take.mp4');
    const second = join(dir, 'sécond take.mp4');
    await ffmpegRun(['-i', FIXTURE, '-t', '5', '-c', 'copy', first]);
    await copyFile(first, second);
    const out = join(dir, 'same side');
    const r = await runCli(['analyse', first, second, '--out', out, '--no-pdf']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/first take\.mp4 and sécond take\.mp4 both film the runner's left side \(the runner faces image-left/);
    const secondClip = r.stderr.slice(r.stderr.indexOf('Clip 2 of 2'));
    expect(secondClip).toContain('Looking at a few seconds of the clip');
    expect(secondClip).not.toContain('BlazePose heavy'); // the whole pose run of the second clip never started
    expect(r.stderr).toContain(`the analysis already finished was kept: first take.mp4 in ${join(out, 'left-side')}`);
    expect((await readdir(join(out, 'left-side'))).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });
});

describe('Ctrl-C during keypoints', () => {
  it('exits 130 with no partial file and no ffmpeg left', async () => {
    const clip = join(dir, `sigint-unique-clip-${RUN}.mp4`);
    await copyFile(FIXTURE, clip);
    const outDir = join(dir, 'sigint');
    const { child, done } = startCli(['keypoints', clip, '--out', join(outDir, 'track.csv'), '--workers', '2']);
    await poseProgressSeen(child);
    expect(pidsMentioning(`sigint-unique-clip-${RUN}`, true).length).toBeGreaterThan(0); // ffmpeg is decoding
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled/);
    // neither track.csv nor a temp file, nor the folder the run made for them
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(pidsMentioning(`sigint-unique-clip-${RUN}`)).toEqual([]);
  });
});

describe('SIGTERM during analyse', () => {
  it('exits 143, ends ffmpeg and leaves no output folder', async () => {
    const clip = join(dir, `sigterm-unique-clip-${RUN}.mp4`);
    await copyFile(FIXTURE, clip);
    const outDir = join(dir, 'sigterm', 'results');
    const { child, done } = startCli(['analyse', clip, '--out', outDir, '--workers', '2', '--model', 'lite']);
    await poseProgressSeen(child);
    expect(pidsMentioning(`sigterm-unique-clip-${RUN}`, true).length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/no output was written/);
    await expect(readdir(join(dir, 'sigterm'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(pidsMentioning(`sigterm-unique-clip-${RUN}`)).toEqual([]);
  });
});
