// `--events FILE` (issue 13): the events a person corrected, in the events.csv format, read before any analysis
// starts so a bad file costs a second, not a pose run. The file's problems name its line (eventsCsv.ts).
import { basename } from 'node:path';
import { parseEventsCsv } from '../../analysis/eventsCsv';
import type { GaitEvent } from '../../shared/contract';
import { checkInputFile } from '../video/probeVideo';
import { readTextLines } from './readTextLines';

export async function readEventsCsv(path: string): Promise<GaitEvent[]> {
  const abs = await checkInputFile(path); // FILE_NOT_FOUND / IS_DIRECTORY / EMPTY_FILE, as for the other inputs
  const lines: string[] = [];
  for await (const line of readTextLines(abs, basename(path))) lines.push(line);
  return parseEventsCsv(lines.join('\n'), basename(path));
}
