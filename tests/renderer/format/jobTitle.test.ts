import { describe, expect, it } from 'vitest';
import { jobDescription, jobPickerLabel, jobTitle } from '../../../src/renderer/format/jobTitle';
import { fakeJob } from '../fakeApi';

describe('job names on screen', () => {
  it('names a session by its given name, else its clip', () => {
    expect(jobTitle(fakeJob({ videoName: 'run.mp4' }))).toBe('run.mp4');
    expect(jobTitle(fakeJob({ videoName: 'run.mp4', sessionName: '  Before orthotics ' }))).toBe('Before orthotics');
    expect(jobTitle(fakeJob({ videoName: 'run.mp4', sessionName: '   ' }))).toBe('run.mp4');
  });
  it('tells two sessions of one day apart by time, view and options', () => {
    const a = fakeJob({ videoName: 'run.mp4', createdAtIso: '2026-11-25T09:00:00Z', options: { model: 'full', view: 'side' } });
    const b = fakeJob({ videoName: 'run.mp4', createdAtIso: '2026-11-25T15:30:00Z', options: { model: 'heavy', view: 'auto', beltSpeedMps: 3 } });
    expect(jobPickerLabel(a)).not.toBe(jobPickerLabel(b));
    expect(jobDescription(a)).toContain('side view');
    expect(jobDescription(b)).toContain('model heavy');
    expect(jobDescription(b)).toContain('10.8 km/h');
    expect(jobDescription(b)).toContain('view found by the app');
    expect(jobDescription({ ...b, resultView: 'rear' })).toContain('rear view');
    expect(jobPickerLabel(fakeJob({ videoName: 'run.mp4', sessionName: 'After', runnerName: 'Ana' }))).toMatch(/^After · Ana · run\.mp4 · /);
  });
});
