// `lopsided keypoints <video> --out track.csv`: the pose track as CSV, with what the pixels add to it (foot motion from
// the side, pelvis marks from behind), plus a sidecar JSON (VideoInfo, model, backend), written atomically (issue 2).
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { AnalyseVideoOptions, PoseModelChoice, PoseTrack, VideoInfo } from '../../../shared/contract';
import { keypointCsvLines } from '../../../analysis/keypointCsv';
import { addPixelEvidence } from '../../pipeline/addPixelEvidence';
import { appInfo } from '../../pipeline/appInfo';
import { countFramesWithRunner } from '../../pipeline/countPoseFrames';
import { prepareOutputDir } from '../../pipeline/outputDir';
import { refuseExistingFile, refuseOutputOverInput } from '../../pipeline/outputGuards';
import { StagedFiles } from '../../pipeline/stagedFiles';
import { toReportJson } from '../../pipeline/writeJobOutputs';
import { choosePoseModel, estimateAfterLook } from '../../pipeline/choosePoseModel';
import { probeVideo } from '../../video/probeVideo';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';

export interface KeypointsOptions {
  out: string;
  model: PoseModelChoice;
  runtime?: NonNullable<AnalyseVideoOptions['runtime']>;
  workers?: number;
  longSide?: number;
  /** Replace an existing --out file. */
  force?: boolean;
}

export async function runKeypointsCommand(video: string, opts: KeypointsOptions, ctx: CliContext): Promise<void> {
  const out = resolve(opts.out);
  const isDir = await stat(out).then((s) => s.isDirectory(), () => false);
  if (isDir) throw new UsageError(`--out must be a file name such as track.csv, but ${opts.out} is a folder.`);
  await refuseOutputOverInput([video], [out, `${out}.json`]);
  await refuseExistingFile(out, opts.force === true);
  const info = await probeVideo(video, ctx.signal); // bad input fails before any folder is made
  const outDir = await prepareOutputDir(dirname(out));
  try {
    await writeKeypoints(info, out, opts, ctx);
  } catch (e) {
    await outDir.removeIfUnused();
    throw e;
  }
}

async function writeKeypoints(info: VideoInfo, out: string, opts: KeypointsOptions, ctx: CliContext): Promise<void> {
  const onProgress = ctx.progress.update;
  const longSide = opts.longSide ?? 640;
  let look: PoseTrack | undefined;
  const model = await choosePoseModel(info, opts.model, 'auto', {
    onLook: (t) => (look = t),
    longSide, signal: ctx.signal, onProgress, ...(opts.runtime !== undefined ? { runtime: opts.runtime } : {}), ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  });
  const track = await estimateAfterLook(info, look, {
    model,
    longSide,
    signal: ctx.signal,
    onProgress,
    ...(opts.runtime !== undefined ? { runtime: opts.runtime } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  });
  // The pixels' evidence the app adds before analysing (foot motion and the scene's vertical from the side, pelvis
  // marks from behind), so that
  // `lopsided analyse track.csv` reads this file as it reads the clip.
  const warnings: string[] = [];
  const withPixels = await addPixelEvidence(info, track, { view: 'auto', pelvisMarks: 'auto' }, { signal: ctx.signal, onProgress }, warnings);
  const withRunner = countFramesWithRunner(track);
  const sidecar = {
    schemaVersion: 1,
    video: info,
    model,
    modelLabel: track.source.kind === 'pose-model' ? track.source.model : model,
    backend: track.source.kind === 'pose-model' ? track.source.backend : 'unknown',
    longSide,
    framesTotal: track.timesSec.length,
    framesWithRunner: withRunner,
    footMotion: withPixels.footMotion !== undefined,
    sceneVertical: withPixels.sceneVertical ?? null,
    pelvisTracking: withPixels.pelvisTracking ?? null,
    app: appInfo(),
    createdAtIso: new Date().toISOString(),
  };
  const files = new StagedFiles(ctx.signal);
  try {
    await files.add(out, keypointCsvLines(withPixels));
    await files.add(`${out}.json`, toReportJson(sidecar));
    await files.commit();
  } finally {
    await files.discard();
  }
  ctx.progress.done();
  for (const w of warnings) ctx.note(`warning: ${w}`);
  ctx.note(`Wrote ${basename(out)} and ${basename(out)}.json: ${track.timesSec.length} frames, runner seen in ${withRunner}.`);
}
