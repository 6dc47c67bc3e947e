// @vitest-environment jsdom
// The shell: the job history comes from api.listJobs, the open job and tab live in the URL hash so a reload
// reopens them, and deleting a job goes through the API.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LopsidedApiError } from '../../../src/shared/api';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';
import { createFakeApi, fakeJob, type FakeJobSeed } from '../fakeApi';
import { loadFixtureSession } from '../loadFixtureSession';
import { stubMediaAndCanvas } from '../stubMediaAndCanvas';

vi.mock('../../../src/renderer/charts/ChartsPanel', () => ({ ChartsPanel: () => <section data-testid="charts" /> }));
const { App } = await import('../../../src/renderer/App');

let result: AnalysisResult;
let track: PoseTrack;
beforeAll(() => {
  ({ result, track } = loadFixtureSession('side'));
  stubMediaAndCanvas();
});
afterEach(() => { cleanup(); window.location.hash = ''; });

function seeds(): FakeJobSeed[] {
  return [
    { job: fakeJob({ jobId: 'done-1', videoName: 'after.mp4' }), result, track, videoUrl: '/video/done-1' },
    { job: fakeJob({ jobId: 'run-1', videoName: 'clinic.mov', status: 'running', progress: { stage: 'pose', done: 5, total: 600 } }), videoUrl: '' },
  ];
}

describe('App', () => {
  it('reopens the job and tab named in the hash (a reload keeps the result)', async () => {
    window.location.hash = '#/job/done-1/review';
    const api = createFakeApi(seeds());
    render(<App api={api} />);
    expect(await screen.findByTestId('verdict-panel')).toBeTruthy();
    expect((screen.getByTestId('video-player') as HTMLVideoElement).getAttribute('src')).toBe('/video/done-1');
    const items = await screen.findAllByTestId('job-item');
    expect(items.map((i) => i.dataset.status).sort()).toEqual(['done', 'running']);
    fireEvent.click(screen.getByTestId('side-by-side-tab'));
    expect(window.location.hash).toBe('#/job/done-1/side');
  });

  it('opens a running job on its progress screen, and the open screen by default', async () => {
    const api = createFakeApi(seeds());
    render(<App api={api} />);
    expect(await screen.findByTestId('capture-guide')).toBeTruthy();
    fireEvent.click(await screen.findByText('clinic.mov'));
    expect((await screen.findByTestId('progress-bar')).dataset.stage).toBe('pose');
    expect(window.location.hash).toBe('#/job/run-1/review');
  });

  it('deletes a job through the API and leaves its page', async () => {
    window.location.hash = '#/job/done-1/review';
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const api = createFakeApi(seeds());
    render(<App api={api} />);
    await screen.findByTestId('verdict-panel');
    fireEvent.click(screen.getByLabelText('Delete after.mp4'));
    await waitFor(() => expect(screen.queryByText('after.mp4')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'deleteJob').map((c) => c.args)).toEqual([['done-1']]);
    expect(window.location.hash).toBe('#/open');
  });

  it('after a server restart says the tab’s session expired and how to reconnect, not "None yet." and error boxes (issue 13)', async () => {
    window.location.hash = '#/job/done-1/review';
    const api = createFakeApi(seeds());
    const refuse = () => Promise.reject(new LopsidedApiError('UNAUTHORIZED', 'Missing or wrong token: open the URL the server printed.'));
    render(<App api={{ ...api, listJobs: refuse, getJob: refuse, getVersion: refuse }} />);
    const lost = await screen.findByTestId('session-lost');
    expect(lost.dataset.kind).toBe('expired');
    expect(lost.textContent).toMatch(/session has expired/);
    expect(lost.textContent).toMatch(/lopsided serve/);
    expect(screen.queryByText('None yet.')).toBeNull();
    expect(screen.getByTestId('job-list-unavailable')).toBeTruthy();
    expect(screen.queryByTestId('error-message')).toBeNull();
  });
});
