// Lines of a text file read as a stream (issue 15): a 745 MB keypoint CSV is more than the longest string
// JavaScript can hold, so it is never read whole. Bytes are decoded strictly: a file that is not UTF-8 (a
// spreadsheet's Latin-1 or UTF-16 export) is refused with a message saying so, not parsed into nonsense.
import { createReadStream } from 'node:fs';
import { JobError } from './jobErrors';

export async function* readTextLines(path: string, displayName: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let offset = 0;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      const where = offset === 0 ? 'in its first megabyte' : `after byte ${offset}`;
      throw new JobError('INPUT_NOT_UTF8', `${displayName} is not UTF-8 text (bytes UTF-8 does not allow ${where}, as a Latin-1 or UTF-16 export has). Save it as "CSV UTF-8" and try again.`);
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const text = carry + decode(chunk);
    offset += chunk.length;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield text.slice(start, nl > start && text[nl - 1] === '\r' ? nl - 1 : nl);
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  carry += decode();
  if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}
