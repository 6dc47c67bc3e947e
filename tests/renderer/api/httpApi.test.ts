import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpApi } from '../../../src/renderer/api/httpApi';

const VIDEO = '0b5e5e4c-1b1a-4c1d-9d1e-2f3a4b5c6d7e';

afterEach(() => vi.unstubAllGlobals());

describe('httpApi.deleteVideo (issue 15)', () => {
  it('sends DELETE /api/videos/:id with the token and resolves on 204', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:5000/', token: 'tok-0123456789abcdef' });
    await expect(api.deleteVideo(VIDEO)).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledWith(`http://127.0.0.1:5000/api/videos/${VIDEO}`, expect.objectContaining({
      method: 'DELETE', headers: expect.objectContaining({ Authorization: 'Bearer tok-0123456789abcdef' }),
    }));
  });

  it('rejects with the server\'s code when a job uses the video', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'VIDEO_IN_USE', message: 'This video has an analysis.' }), { status: 409 })));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:5000', token: 'tok-0123456789abcdef' });
    await expect(api.deleteVideo(VIDEO)).rejects.toMatchObject({ code: 'VIDEO_IN_USE', message: 'This video has an analysis.' });
  });
});
