// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobList } from '../../../src/renderer/components/JobList';
import { ProgressScreen } from '../../../src/renderer/components/ProgressScreen';
import { createFakeApi, fakeJob } from '../fakeApi';

afterEach(cleanup);

describe('ProgressScreen', () => {
  it('follows the job through its stages, shows frames/s and ETA, and reports done', async () => {
    const job = fakeJob({ jobId: 'j', status: 'queued', exports: [] });
    const api = createFakeApi([{ job, videoUrl: '' }]);
    const onDone = vi.fn();
    render(<ProgressScreen api={api} job={job} onDone={onDone} />);
    act(() => api.emit('j', { status: 'running', progress: { stage: 'pose', done: 300, total: 600, framesPerSec: 9.5, etaSec: 65 } }));
    const bar = await screen.findByTestId('progress-bar');
    expect(bar.dataset.stage).toBe('pose');
    expect((bar as HTMLProgressElement).value).toBeCloseTo(0.5, 6);
    expect(screen.getByRole('status').textContent).toContain('300 of 600 frames · 9.5 frames/s · about 1 min 5 s left');
    act(() => api.emit('j', { status: 'done', progress: null }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('Cancel calls the API and the cancelled state is shown; a failure shows its code', async () => {
    const job = fakeJob({ jobId: 'j', status: 'running', progress: { stage: 'decode', done: 10, total: 600 } });
    const api = createFakeApi([{ job, videoUrl: '' }]);
    render(<ProgressScreen api={api} job={job} onDone={() => {}} />);
    fireEvent.click(screen.getByTestId('cancel-job'));
    expect(await screen.findByText(/The analysis was cancelled\./)).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'cancelJob').map((c) => c.args)).toEqual([['j']]);
    act(() => api.emit('j', { status: 'failed', error: { code: 'NO_RUNNER', message: 'No runner found.' } }));
    expect((await screen.findByTestId('error-message')).dataset.code).toBe('NO_RUNNER');
  });
});

describe('JobList', () => {
  it('lists jobs with their status for reopening and deleting', () => {
    const jobs = [fakeJob({ jobId: 'a', videoName: 'a.mp4' }), fakeJob({ jobId: 'b', videoName: 'b.mov', status: 'failed' })];
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<JobList jobs={jobs} currentJobId="a" onOpen={onOpen} onDelete={onDelete} />);
    const items = screen.getAllByTestId('job-item');
    expect(items.map((i) => [i.dataset.jobId, i.dataset.status])).toEqual([['a', 'done'], ['b', 'failed']]);
    fireEvent.click(screen.getByText('b.mov'));
    expect(onOpen).toHaveBeenCalledWith(jobs[1]);
    fireEvent.click(screen.getByLabelText('Delete a.mp4'));
    expect(onDelete).toHaveBeenCalledWith(jobs[0]);
  });

  it('offers no Delete for an analysis filed in a runner\'s session, and says where it is', () => {
    const jobs = [fakeJob({ jobId: 'a', videoName: 'a.mp4' }), fakeJob({ jobId: 'b', videoName: 'b.mp4' })];
    render(<JobList jobs={jobs} filedIds={new Set(['b'])} currentJobId={null} onOpen={() => {}} onDelete={() => {}} />);
    expect(screen.getByLabelText('Delete a.mp4')).toBeTruthy();
    expect(screen.queryByLabelText('Delete b.mp4')).toBeNull();
    const [, filed] = screen.getAllByTestId('job-item');
    expect(filed?.querySelector('[data-testid="job-filed"]')?.textContent).toBe("In a runner's session");
  });

  it('tells re-runs of one clip apart by the options that differ (view, model, belt speed)', () => {
    const jobs = [
      fakeJob({ jobId: 'a', videoName: 'run.mp4', options: { model: 'auto', view: 'auto' } }),
      fakeJob({ jobId: 'b', videoName: 'run.mp4', options: { model: 'full', view: 'side', beltSpeedMps: 10 / 3.6 } }),
    ];
    render(<JobList jobs={jobs} currentJobId="a" onOpen={() => {}} onDelete={() => {}} />);
    const [first, second] = screen.getAllByTestId('job-item');
    expect(first?.textContent).not.toMatch(/view|km\/h/);
    expect(second?.textContent).toMatch(/side view · full · 10\.0 km\/h/);
  });
});
