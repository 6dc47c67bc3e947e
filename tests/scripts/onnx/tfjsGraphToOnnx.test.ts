// The TF.js graph → ONNX converter: deterministic, hash as recorded, and the converted lite model
// computes what the TF.js graph computes (every op the landmark models use: Pad, fused Conv2D and
// depthwise with SAME/VALID and stride 2, Relu6, AddV2, MaxPool, ResizeBilinear, Sigmoid, Reshape).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Message } from '../../../scripts/onnx/protobufWriter.mjs';
import { tfjsGraphToOnnx } from '../../../scripts/onnx/tfjsGraphToOnnx.mjs';
import { fileModelHandler } from '../../../src/main/pose/fileModelHandler';
import { initPoseBackend } from '../../../src/main/pose/tfBackend';

const json = JSON.parse(readFileSync('models/blazepose-lite.json', 'utf8')) as { weightsManifest: { paths: string[] }[] };
const weights = new Uint8Array(readFileSync('models/blazepose-lite.bin'));
const manifest = JSON.parse(readFileSync('scripts/models.json', 'utf8')) as { onnx: Record<string, string> };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  await initPoseBackend('auto');
});

describe('protobuf writer', () => {
  it('writes varints, length-delimited fields and little-endian floats as the wire format defines', () => {
    expect([...new Message().int(1, 150).encode()]).toEqual([0x08, 0x96, 0x01]);
    expect([...new Message().string(2, 'ab').encode()]).toEqual([0x12, 0x02, 0x61, 0x62]);
    expect([...new Message().float(3, 1).encode()]).toEqual([0x1d, 0x00, 0x00, 0x80, 0x3f]);
    expect([...new Message().int(1, -1).encode()]).toEqual([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });
});

describe('tfjsGraphToOnnx (BlazePose lite)', () => {
  const bytes = tfjsGraphToOnnx(json, weights, 'blazepose-lite');

  it('is deterministic and matches the SHA-256 recorded in scripts/models.json', () => {
    expect(sha256(tfjsGraphToOnnx(json, weights, 'blazepose-lite'))).toBe(sha256(bytes));
    expect(sha256(bytes)).toBe(manifest.onnx['blazepose-lite.onnx']);
  });

  it('computes the TF.js graph\'s outputs (NCHW in and heatmap out)', async () => {
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
    const model = await tfconv.loadGraphModel(fileModelHandler('models/blazepose-lite.json'));
    const n = 256;
    const nchw = new Float32Array(3 * n * n);
    const nhwc = new Float32Array(3 * n * n);
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++)
        for (let c = 0; c < 3; c++) {
          const v = 0.5 + 0.4 * Math.sin(x / 9 + c) * Math.cos(y / 13 - c);
          nchw[c * n * n + y * n + x] = v;
          nhwc[(y * n + x) * 3 + c] = v;
        }
    const out = await session.run({ input_1: new ort.Tensor('float32', nchw, [1, 3, n, n]) });
    const ref = model.execute(tf.tensor4d(nhwc, [1, n, n, 3]), ['ld_3d', 'output_poseflag', 'activation_heatmap']) as tf.Tensor[];
    const [ld, flag, heat] = await Promise.all(ref.map((t) => t.data()));
    const ldOnnx = out.ld_3d!.data as Float32Array;
    expect(ldOnnx.length).toBe(195);
    let maxLd = 0;
    ldOnnx.forEach((v, i) => (maxLd = Math.max(maxLd, Math.abs(v - (ld![i] as number)))));
    expect(maxLd).toBeLessThan(0.02); // pixels of the 256² input (measured 0.0024)
    expect((out.output_poseflag!.data as Float32Array)[0]).toBeCloseTo(flag![0] as number, 3);
    const h = out.activation_heatmap!.data as Float32Array;
    expect(out.activation_heatmap!.dims).toEqual([1, 39, 64, 64]);
    let maxH = 0;
    for (let p = 0; p < 4096; p++) for (let c = 0; c < 39; c++) maxH = Math.max(maxH, Math.abs((h[c * 4096 + p] as number) - (heat![p * 39 + c] as number)));
    expect(maxH).toBeLessThan(1e-3);
    await session.release();
    model.dispose();
  });

  it('refuses an op it does not know instead of writing a wrong model', () => {
    const bad = JSON.parse(JSON.stringify(json)) as { modelTopology: { node: { op: string; name: string }[] } };
    const sig = bad.modelTopology.node.find((x) => x.name === 'StatefulPartitionedCall/model/activation_poseflag/Sigmoid');
    if (!sig) throw new Error('fixture changed');
    sig.op = 'Tanh';
    expect(() => tfjsGraphToOnnx(bad, weights, 'bad')).toThrow(/op Tanh .* not supported/);
  });
});
