// The names a job's PDF is titled with (issue 13: the session's and runner's names, the clip as the user knows it,
// never the stored copy's clip.mp4), the same for the first run and every later re-render.
import type { JobNames } from '../../shared/api';

export function pdfNames(videoName: string | undefined, names: JobNames | undefined): { clipName?: string; sessionName?: string; runnerName?: string } {
  return {
    ...(videoName ? { clipName: videoName } : {}),
    ...(names?.sessionName ? { sessionName: names.sessionName } : {}),
    ...(names?.runnerName ? { runnerName: names.runnerName } : {}),
  };
}
