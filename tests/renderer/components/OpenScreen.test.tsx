// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenScreen } from '../../../src/renderer/components/OpenScreen';
import type { VideoRecord } from '../../../src/shared/api';
import { createFakeApi, fakeVideoInfo } from '../fakeApi';

afterEach(cleanup);

const clip = () => new File([new Uint8Array(16)], 'run_side.mp4', { type: 'video/mp4' });

function record(over: Partial<VideoRecord> = {}): VideoRecord {
  return {
    videoId: 'v-9', name: 'run_side.mp4', info: fakeVideoInfo({ avgFps: 29.97, width: 1920, height: 1080, durationSec: 24.6, frameCount: 737 }),
    checks: [
      { id: 'fps', level: 'warn', message: '30 fps: one frame is 33 ms; film at 120 fps if the phone can.' },
      { id: 'resolution', level: 'ok', message: 'Resolution is fine.' },
      { id: 'duration', level: 'ok', message: 'Long enough.' },
    ],
    ...over,
  };
}

describe('OpenScreen', () => {
  it('shows the capture guide and keeps Start disabled until a video is added', () => {
    render(<OpenScreen api={createFakeApi([])} onStarted={() => {}} />);
    expect(screen.getByTestId('capture-guide').textContent).toMatch(/between knee and hip height \(knee height times the feet best\)/);
    expect(screen.getByTestId('capture-guide').textContent).toMatch(/20–30 s/);
    // one side clip cannot time a hidden far foot: the guide recommends filming both sides
    expect(screen.getByTestId('capture-guide').textContent).toMatch(/Both sides.*from the runner's left and once from the right/);
    expect((screen.getByTestId('start-analysis') as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds the chosen file, shows its quality check, then starts with the chosen options', async () => {
    const api = createFakeApi([], { addVideo: () => record() });
    const onStarted = vi.fn();
    render(<OpenScreen api={api} onStarted={onStarted} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    const checks = await screen.findByTestId('capture-checks');
    expect(api.calls.find((c) => c.method === 'addVideo')!.args).toEqual(['run_side.mp4']);
    expect(checks.querySelector('[data-fact="fps"]')!.textContent).toBe('29.97 fps');
    expect(checks.querySelector('[data-fact="resolution"]')!.textContent).toBe('1920 × 1080');
    expect(checks.querySelector('[data-fact="duration"]')!.textContent).toBe('24.6 s');
    const fps = checks.querySelector('[data-check="fps"]')!;
    expect(fps.getAttribute('data-level')).toBe('warn');
    expect(fps.textContent).toContain('film at 120 fps');

    expect(screen.getByTestId('model-hint').textContent).toMatch(/heavy from the side.*full from behind/);
    fireEvent.change(screen.getByTestId('option-view'), { target: { value: 'rear' } });
    fireEvent.change(screen.getByTestId('option-belt-speed'), { target: { value: '12.6' } });
    const start = screen.getByTestId('start-analysis') as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    const [videoId, opts] = api.calls.find((c) => c.method === 'startJob')!.args as [string, { view: string; beltSpeedMps: number; model: string }];
    expect(videoId).toBe('v-9');
    expect(opts.view).toBe('rear');
    expect(opts.model).toBe('auto'); // the default: heavy from the side, full from behind (choosePoseModel)
    expect(opts.beltSpeedMps).toBeCloseTo(3.5, 6);
  });

  it('starts with a model the user picked; the automatic-model hint goes with the automatic choice', async () => {
    const api = createFakeApi([], { addVideo: () => record() });
    render(<OpenScreen api={api} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByTestId('capture-checks');
    fireEvent.change(screen.getByTestId('option-model'), { target: { value: 'full' } });
    expect(screen.queryByTestId('model-hint')).toBeNull();
    fireEvent.click(screen.getByTestId('start-analysis'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'startJob')).toBe(true));
    expect((api.calls.find((c) => c.method === 'startJob')!.args[1] as { model: string }).model).toBe('full');
  });

  it('will not start a clip whose check found a problem, nor with a nonsense belt speed', async () => {
    const bad = record({ checks: [{ id: 'duration', level: 'error', message: 'Only 2 s: at least 10 s of running are needed.' }] });
    render(<OpenScreen api={createFakeApi([], { addVideo: () => bad })} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByText(/Only 2 s/);
    expect((screen.getByTestId('start-analysis') as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    render(<OpenScreen api={createFakeApi([], { addVideo: () => record() })} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByTestId('capture-checks');
    fireEvent.change(screen.getByTestId('option-belt-speed'), { target: { value: 'fast' } });
    expect((screen.getByTestId('start-analysis') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the engine’s refusal of a file with its code, and never calls addVideo for a non-video', async () => {
    const api = createFakeApi([], { addVideo: () => { throw Object.assign(new Error('Not a video ffprobe can read.'), { code: 'NOT_A_VIDEO' }); } });
    render(<OpenScreen api={api} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [new File(['x'], 'notes.txt')] } });
    expect(await screen.findByText(/not a video Lopsided can read/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'addVideo')).toBe(false);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    const err = await screen.findByTestId('error-message');
    expect(err.dataset.code).toBe('NOT_A_VIDEO');
  });

  it('shows a broken upload’s error without folders or its code, and clears it when another file is chosen (issue 13)', async () => {
    let calls = 0;
    const api = createFakeApi([], {
      addVideo: () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('Cannot open /srv/lopsided/tmp/upload-9f3a/clip.mp4 as a video: the file is cut short.'), { code: 'TRUNCATED' });
        return record();
      },
    });
    render(<OpenScreen api={api} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    const err = await screen.findByTestId('error-message');
    expect(err.textContent).toContain('Cannot open clip.mp4 as a video: the file is cut short.');
    expect(err.textContent).not.toMatch(/\/srv|tmp|TRUNCATED/);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByTestId('capture-checks');
    expect(screen.queryByTestId('error-message')).toBeNull();
  });

  it('discards the chosen clip through deleteVideo, so an upload that never gets a job does not stay on disk (issue 15)', async () => {
    const api = createFakeApi([], { addVideo: () => record() });
    render(<OpenScreen api={api} onStarted={() => {}} />);
    expect(screen.queryByTestId('discard-video')).toBeNull(); // nothing chosen, nothing to discard
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByTestId('capture-checks');
    fireEvent.click(screen.getByTestId('discard-video'));
    await waitFor(() => expect(screen.queryByTestId('capture-checks')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'deleteVideo').map((c) => c.args)).toEqual([['v-9']]);
    expect(screen.queryByTestId('discard-video')).toBeNull();
    expect((screen.getByTestId('start-analysis') as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps the clip and shows why when the engine refuses to discard it', async () => {
    const api = createFakeApi([], { addVideo: () => record() });
    api.deleteVideo = async () => { throw Object.assign(new Error('This video has an analysis; delete the analysis instead.'), { code: 'VIDEO_IN_USE' }); };
    render(<OpenScreen api={api} onStarted={() => {}} />);
    fireEvent.change(screen.getByTestId('open-video-input'), { target: { files: [clip()] } });
    await screen.findByTestId('capture-checks');
    fireEvent.click(screen.getByTestId('discard-video'));
    expect((await screen.findByTestId('error-message')).dataset.code).toBe('VIDEO_IN_USE');
    expect(screen.getByTestId('capture-checks')).toBeTruthy();
  });
});
