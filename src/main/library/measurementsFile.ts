// measurements.json in a job's folder: what the measuring tools drew (issue 13). Read by the review screen and by
// every path that draws report.pdf again, so a pinned measurement is among the PDF's key frames whichever wrote it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameMeasurement } from '../../shared/api';
import { measurementsSchema } from './apiSchemas';
import { writeJsonAtomic } from './writeFileAtomic';

const FILE = 'measurements.json';

/** The job's measurements; [] when none were drawn. A damaged file loses its drawings, never the analysis. */
export async function readMeasurements(jobDir: string): Promise<FrameMeasurement[]> {
  const text = await readFile(join(jobDir, FILE), 'utf8').catch(() => '[]');
  try {
    const r = measurementsSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

export async function writeMeasurements(jobDir: string, measurements: readonly FrameMeasurement[]): Promise<void> {
  await writeJsonAtomic(join(jobDir, FILE), measurements);
}

/** What the PDF shows of a measurement list, as text: when it changes, report.pdf is out of date. */
export function pinnedSignature(measurements: readonly FrameMeasurement[]): string {
  return JSON.stringify(measurements.filter((m) => m.pinned === true).map((m) => [m.id, m.kind, m.frame, m.points.map((p) => [p.x, p.y])]));
}
