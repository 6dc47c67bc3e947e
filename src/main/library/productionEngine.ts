// Production wiring of the injected engine: the real probe and job runner (src/main/video, src/main/job).
// Loaded lazily by the doors so tests that inject fakes never load tfjs.
import { runAnalysisJob } from '../pipeline/jobRunner';
import { probeVideo } from '../video/probeVideo';
import type { JobRunner, ProbeFn } from './jobTypes';

export const productionProbe: ProbeFn = (path) => probeVideo(path);
export const productionRunner: JobRunner = runAnalysisJob;
