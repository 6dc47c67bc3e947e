import { describe, expect, it } from 'vitest';
import { contentTypeFor, parseRange } from '../../../src/main/server/httpRange';
import { tokensEqual } from '../../../src/main/server/httpSecurity';

describe('parseRange', () => {
  it('handles the forms a <video> element sends', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=0-', 100)).toEqual({ kind: 'range', start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ kind: 'range', start: 10, end: 19 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'range', start: 0, end: 99 });
  });
  it('refuses ranges outside the file and ignores what it cannot parse', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=20-10', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'none' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'none' });
  });
  it('names content types of videos and exports', () => {
    expect(contentTypeFor('/a/clip.MOV')).toBe('video/quicktime');
    expect(contentTypeFor('x-steps.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });
});

describe('tokensEqual', () => {
  it('is true only for the identical token', () => {
    expect(tokensEqual('abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(tokensEqual('abcdefghijklmnoq', 'abcdefghijklmnop')).toBe(false);
    expect(tokensEqual('abc', 'abcdefghijklmnop')).toBe(false);
    expect(tokensEqual('', 'abcdefghijklmnop')).toBe(false);
  });
});
