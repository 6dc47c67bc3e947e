import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_CSP, handleAppRequest, handleMediaRequest } from '../../../src/main/electron/appProtocols';

const JOB = '0b5e5e4c-1b1a-4c1d-9d1e-2f3a4b5c6d7e';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lopsided-proto-'));
  await mkdir(join(dir, 'ui', 'assets'), { recursive: true });
  await writeFile(join(dir, 'ui', 'index.html'), '<!doctype html>');
  await writeFile(join(dir, 'ui', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  await writeFile(join(dir, 'clip.mp4'), Buffer.from('0123456789'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lopsided-media://', () => {
  const resolve = (jobId: string) => {
    if (jobId !== JOB) throw Object.assign(new Error('No such job'), { code: 'JOB_NOT_FOUND' });
    return join(dir, 'clip.mp4');
  };
  it('streams the job clip with Range support', async () => {
    const whole = await handleMediaRequest(new Request(`lopsided-media://job/${JOB}`), resolve);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('0123456789');
    const part = await handleMediaRequest(new Request(`lopsided-media://job/${JOB}`, { headers: { Range: 'bytes=2-4' } }), resolve);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await part.text()).toBe('234');
    const beyond = await handleMediaRequest(new Request(`lopsided-media://job/${JOB}`, { headers: { Range: 'bytes=10-' } }), resolve);
    expect(beyond.status).toBe(416);
  });
  it('answers 404 for unknown or malformed job ids, never a path from the page', async () => {
    expect((await handleMediaRequest(new Request('lopsided-media://job/0b5e5e4c-1b1a-4c1d-9d1e-000000000000'), resolve)).status).toBe(404);
    expect((await handleMediaRequest(new Request('lopsided-media://job/..%2F..%2Fetc%2Fpasswd'), resolve)).status).toBe(404);
    expect((await handleMediaRequest(new Request(`lopsided-media://file/${JOB}`), resolve)).status).toBe(404);
  });
});

describe('lopsided-app://', () => {
  it('serves the renderer files with the CSP', async () => {
    const res = await handleAppRequest(new Request('lopsided-app://app/assets/app.js'), join(dir, 'ui'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect((await handleAppRequest(new Request('lopsided-app://app/'), join(dir, 'ui'))).status).toBe(200);
  });
  it('never serves files outside the renderer folder', async () => {
    expect((await handleAppRequest(new Request('lopsided-app://app/%2e%2e/secret.txt'), join(dir, 'ui'))).status).toBe(404);
    expect((await handleAppRequest(new Request('lopsided-app://app/..%2Fsecret.txt'), join(dir, 'ui'))).status).toBe(404);
    expect((await handleAppRequest(new Request('lopsided-app://other/index.html'), join(dir, 'ui'))).status).toBe(404);
  });
  it('has a CSP without inline or eval script and with media only from the app', () => {
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-(inline|eval)/);
    expect(ELECTRON_CSP).toContain('media-src lopsided-media: blob:');
  });
});
