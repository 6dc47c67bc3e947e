// @vitest-environment jsdom
// The app's both-sides session: the roles are read from the clips and must be confirmed before anything is merged;
// the merged table takes each side from the clip where it was near (real BlazePose tracks of the rendered run).
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { SessionScreen } from '../../../src/renderer/components/SessionScreen';
import { formatValue } from '../../../src/renderer/format/formatValue';
import type { AnalysisResult } from '../../../src/shared/contract';
import { createFakeApi, fakeJob } from '../fakeApi';

function analysed(name: string): AnalysisResult {
  const t = parseKeypointCsv(readFileSync(`fixtures/posetracks/${name}.blazepose-heavy.csv`, 'utf8'), { name });
  return analyseTrack(t, { view: 'auto' }, { path: name, fps: 60, durationSec: 10, width: t.width, height: t.height });
}
const right = analysed('RBDS008_T35_side');
const left = analysed('RBDS008_T35_left');
afterEach(cleanup);

function setup(results: AnalysisResult[]) {
  const jobs = results.map((r, i) => fakeJob({ jobId: `job-${i}`, videoName: `clip-${i}.mp4` }));
  const api = createFakeApi(jobs.map((job, i) => ({ job, result: results[i], videoUrl: '' })));
  render(<SessionScreen api={api} jobs={jobs} />);
}

describe('SessionScreen', () => {
  it('shows which side each clip shows and why, merges only after confirmation, each side from its near clip', async () => {
    setup([right, left]);
    fireEvent.click(screen.getByRole('checkbox', { name: /clip-0\.mp4/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /clip-1\.mp4/ }));
    const roles = await screen.findByTestId('session-roles');
    expect(roles.textContent).toContain("Right side: clip-0.mp4 (the runner faces image-right, so the camera stood at the runner's right and the right leg is the near one)");
    expect(roles.textContent).toContain('Left side: clip-1.mp4');
    expect(screen.queryByTestId('session-result')).toBeNull();
    fireEvent.click(screen.getByTestId('session-confirm'));
    const out = await screen.findByTestId('session-result');
    expect(out.textContent).toContain('Session of 2 clips. Each side is measured in the clip where it was the near one.');
    const row = out.querySelector('[data-metric="contactTimeMs"]')!;
    expect(row.querySelector('[data-cell="left"]')!.textContent).toBe(formatValue(left.metrics.contactTimeMs!.left, 'ms'));
    expect(row.querySelector('[data-cell="right"]')!.textContent).toBe(formatValue(right.metrics.contactTimeMs!.right, 'ms'));
  });

  it('analyses clips added here and picks each when it finishes; a file that is no clip is named and left out', async () => {
    const seeds = [{ job: fakeJob({ jobId: 'job-0', videoName: 'left.mp4' }), result: left, videoUrl: '' }];
    const api = createFakeApi(seeds, { template: { job: fakeJob(), result: right, videoUrl: '' } });
    let started = 0;
    const view = render(<SessionScreen api={api} jobs={[seeds[0]!.job]} onStarted={() => { started++; }} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /left\.mp4/ }));
    fireEvent.change(screen.getByTestId('session-add-clips'), { target: { files: [new File(['x'], 'right.mp4'), new File(['x'], 'notes.txt')] } });
    await waitFor(() => expect(started).toBe(1));
    const startedJobs = api.calls.filter((c) => c.method === 'startJob');
    expect(startedJobs).toHaveLength(1);
    expect(screen.getByTestId('error-message').textContent).toContain('notes.txt is not a video or keypoint CSV.');
    const jobs = await api.listJobs();
    const added = jobs.find((j) => j.jobId !== 'job-0')!;
    view.rerender(<SessionScreen api={api} jobs={jobs} onStarted={() => undefined} />);
    expect(screen.getByTestId('session-pending').textContent).toContain(added.videoName);
    expect(screen.queryByTestId('session-roles')).toBeNull();
    api.emit(added.jobId, { status: 'done' });
    view.rerender(<SessionScreen api={api} jobs={await api.listJobs()} onStarted={() => undefined} />);
    const roles = await screen.findByTestId('session-roles');
    expect(roles.textContent).toContain(`Right side: ${added.videoName}`);
    expect(roles.textContent).toContain('Left side: left.mp4');
    expect(screen.queryByTestId('session-pending')).toBeNull();
  });

  it('refuses two clips of the same side and says so', async () => {
    setup([right, right]);
    fireEvent.click(screen.getByRole('checkbox', { name: /clip-0\.mp4/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /clip-1\.mp4/ }));
    await waitFor(() => expect(screen.getByTestId('session-problem').textContent).toMatch(/clip-0\.mp4 and clip-1\.mp4 both film the runner's right side/));
    expect(screen.queryByTestId('session-confirm')).toBeNull();
  });
});
