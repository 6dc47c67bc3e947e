// Production wiring of the injected engine: the real probe and job runner (src/main/video, src/main/job).
import { probeVideo } from '../video/probeVideo';
import type { JobRunner, ProbeFn } from './jobTypes';

export const productionProbe: ProbeFn = (path) => probeVideo(path);

// TEMPORARY until src/main/job (analyseVideo + writeJobOutputs, issue 2/5) lands: fails every job with a clear code.
export const productionRunner: JobRunner = async () => {
  throw Object.assign(new Error('The analysis pipeline is not part of this build yet.'), { code: 'ENGINE_MISSING' });
};
