// Test helper (not a test): the pose track of a real clip through the full worker pool, cached under
// .cache/pose/ keyed by the video's hash, the model, the long side and the hash of the built worker
// bundle, so each track is computed once and recomputed whenever the pose code changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimatePoseTrack } from '../../../src/main/pose/estimatePoseTrack';
import { poseWorkerPath } from '../../../src/main/pose/packagePaths';
import { probeVideo } from '../../../src/main/video/probeVideo';
import type { PoseModelName, PoseTrack, VideoInfo } from '../../../src/shared/contract';

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

export interface RealTrack {
  info: VideoInfo;
  track: PoseTrack;
  fromCache: boolean;
}

export async function realPoseTrack(video: string, model: PoseModelName = 'full', longSide = 640, endSec?: number): Promise<RealTrack> {
  const info = await probeVideo(video);
  const key = `${sha(readFileSync(video))}-${model}-${longSide}-${endSec ?? 'all'}-${sha(readFileSync(poseWorkerPath()))}`;
  const dir = join('.cache', 'pose');
  const file = join(dir, `${key}.json`);
  if (existsSync(file)) {
    const track = JSON.parse(readFileSync(file, 'utf8'), (_k, v: unknown) => (v === null ? NaN : v)) as PoseTrack;
    return { info, track, fromCache: true };
  }
  const track = await estimatePoseTrack(info, { model, longSide, workers: 2, ...(endSec !== undefined ? { endSec } : {}) });
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(track));
  renameSync(tmp, file);
  return { info, track, fromCache: false };
}

/** Median of the finite values. */
export function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}
