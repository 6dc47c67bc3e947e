// Sessions filed from the fixture keypoint CSVs of one run (RBDS008_T35 filmed from the left, the right and behind):
// real analyses, real files, no pose model.
import { join } from 'node:path';
import type { AnalyseVideoOptions } from '../../../src/shared/contract';
import type { SessionMeta } from '../../../src/shared/library';
import { fileSession, type AnalysedClip } from '../../../src/main/library/fileSession';
import type { Library } from '../../../src/main/library/library';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';

const P = join(process.cwd(), 'fixtures/posetracks');
export const FIXTURE_CLIPS = {
  full: { left: join(P, 'RBDS008_T35_left.blazepose-full.csv'), right: join(P, 'RBDS008_T35_side.blazepose-full.csv'), rear: join(P, 'RBDS008_T35_rear.blazepose-full.csv') },
  heavy: { left: join(P, 'RBDS008_T35_left.blazepose-heavy.csv'), right: join(P, 'RBDS008_T35_side.blazepose-heavy.csv'), rear: join(P, 'RBDS008_T35_rear.blazepose-heavy.csv') },
} as const;

export async function analyseFixtureClips(model: 'full' | 'heavy', withRear: boolean): Promise<AnalysedClip[]> {
  const c = FIXTURE_CLIPS[model];
  const paths: [string, 'side' | 'rear'][] = [[c.left, 'side'], [c.right, 'side'], ...(withRear ? [[c.rear, 'rear'] as [string, 'rear']] : [])];
  const out: AnalysedClip[] = [];
  for (const [path, view] of paths) {
    const options: AnalyseVideoOptions = { model: 'auto', view, pelvisMarks: 'auto' };
    out.push({ name: path.split('/').pop()!, sourcePath: path, output: await analyseKeypointCsv(path, { view }), csv: true, options });
  }
  return out;
}

export async function fileFixtureSession(lib: Library, runnerId: string | null, meta: SessionMeta, model: 'full' | 'heavy' = 'full', withRear = false) {
  return fileSession(lib, runnerId, meta, await analyseFixtureClips(model, withRear), { pdf: false });
}
