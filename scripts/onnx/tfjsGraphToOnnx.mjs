// Converts a BlazePose landmark TF.js graph model (model.json + weight shards) into an ONNX model
// (issue 12: ONNX Runtime runs heavy 4–7× and full 3–4× faster per frame than TF.js WASM on this
// machine's probe). Deterministic: same input bytes → same output bytes.
//
// The ONNX graph is NCHW throughout (ONNX Runtime's native layout: no transposes inside):
//   input  input_1            [1, 3, 256, 256]  RGB in [0, 1], channel-planar
//   output ld_3d              [1, 195]          as TF.js
//   output output_poseflag    [1, 1]            as TF.js
//   output activation_heatmap [1, 39, 64, 64]   channel-planar (TF.js: [1, 64, 64, 39])
// Only nodes these outputs need are kept: the segmentation head and world landmarks are dropped.
import { floatTensor, int64Tensor, model, node, valueInfo, DataType } from './onnxProto.mjs';

const OPSET = 18;
const OUTPUTS = { ld_3d: [1, 195], output_poseflag: [1, 1], activation_heatmap: [1, 39, 64, 64] };

/** IEEE half → single precision (TF.js stores these weights as float16 and widens them on load). */
function halfToFloat(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** Weight name → { shape, dtype, values (Float32Array | Int32Array) } from the manifest and the concatenated shards. */
export function decodeWeights(manifest, weightBytes) {
  const view = new DataView(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength);
  const out = new Map();
  let at = 0;
  for (const w of manifest.flatMap((g) => g.weights)) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const q = w.quantization;
    let values;
    if (q && q.dtype === 'float16') {
      values = new Float32Array(n);
      for (let i = 0; i < n; i++) values[i] = halfToFloat(view.getUint16(at + 2 * i, true));
      at += 2 * n;
    } else if (!q && w.dtype === 'float32') {
      values = new Float32Array(n);
      for (let i = 0; i < n; i++) values[i] = view.getFloat32(at + 4 * i, true);
      at += 4 * n;
    } else if (!q && w.dtype === 'int32') {
      values = new Int32Array(n);
      for (let i = 0; i < n; i++) values[i] = view.getInt32(at + 4 * i, true);
      at += 4 * n;
    } else {
      throw new Error(`unsupported weight encoding for ${w.name}: ${w.dtype} ${JSON.stringify(q)}`);
    }
    out.set(w.name, { shape: w.shape, dtype: w.dtype, values });
  }
  if (at !== weightBytes.byteLength) throw new Error(`weights: read ${at} of ${weightBytes.byteLength} bytes`);
  return out;
}

const str = (attr) => (attr?.s ? Buffer.from(attr.s, 'base64').toString('utf8') : undefined);
const ints = (attr) => (attr?.list?.i ?? []).map(Number);
const bare = (input) => input.replace(/^\^/, '').replace(/:0$/, '');

/** TF HWIO conv kernel → ONNX OIHW. */
function convKernel(w) {
  const [kh, kw, ci, co] = w.shape;
  const out = new Float32Array(w.values.length);
  for (let o = 0; o < co; o++)
    for (let i = 0; i < ci; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) out[((o * ci + i) * kh + y) * kw + x] = w.values[((y * kw + x) * ci + i) * co + o];
  return { dims: [co, ci, kh, kw], values: out };
}

/** TF depthwise [kh, kw, in, mult] → ONNX grouped conv [in·mult, 1, kh, kw] (output channel c·mult + m, as TF). */
function depthwiseKernel(w) {
  const [kh, kw, ci, mult] = w.shape;
  const out = new Float32Array(w.values.length);
  for (let c = 0; c < ci; c++)
    for (let m = 0; m < mult; m++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) out[((c * mult + m) * kh + y) * kw + x] = w.values[((y * kw + x) * ci + c) * mult + m];
  return { dims: [ci * mult, 1, kh, kw], values: out, group: ci };
}

/**
 * @param {any} modelJson parsed model.json
 * @param {Uint8Array} weightBytes the weight shards concatenated in manifest order
 * @returns {Uint8Array} the ONNX model
 */
export function tfjsGraphToOnnx(modelJson, weightBytes, graphName) {
  const weights = decodeWeights(modelJson.weightsManifest, weightBytes);
  const tfNodes = new Map(modelJson.modelTopology.node.map((n) => [n.name, n]));
  const signatureOutputs = modelJson.signature?.outputs ?? {};

  // Keep only what the three outputs need.
  const needed = new Set();
  const stack = Object.keys(OUTPUTS).map((k) => {
    const s = signatureOutputs[k];
    if (!s) throw new Error(`${graphName}: no output ${k} in the signature`);
    return bare(s.name);
  });
  while (stack.length > 0) {
    const name = stack.pop();
    if (needed.has(name)) continue;
    const n = tfNodes.get(name);
    if (!n) throw new Error(`${graphName}: node ${name} not found`);
    needed.add(name);
    stack.push(...(n.input ?? []).filter((i) => !i.startsWith('^')).map(bare));
  }

  const nodes = [];
  const initializers = [];
  const alias = new Map(); // TF Identity → its input
  const resolve = (name) => {
    let n = bare(name);
    while (alias.has(n)) n = alias.get(n);
    return n;
  };
  const constInt = (name) => {
    const w = weights.get(name);
    if (!w || w.dtype !== 'int32') throw new Error(`${graphName}: expected an int32 constant ${name}`);
    return [...w.values];
  };
  let clipBounds = false;
  const relu6 = (input, output) => {
    if (!clipBounds) {
      initializers.push(floatTensor('relu6_min', [], [0]), floatTensor('relu6_max', [], [6]));
      clipBounds = true;
    }
    nodes.push(node('Clip', `${output}/relu6`, [input, 'relu6_min', 'relu6_max'], [output]));
  };

  // model.json lists nodes in topological order; keep it (deterministic output).
  for (const n of modelJson.modelTopology.node) {
    if (!needed.has(n.name)) continue;
    const a = n.attr ?? {};
    const inputs = (n.input ?? []).filter((i) => !i.startsWith('^'));
    switch (n.op) {
      case 'Const':
        break; // weights become initializers where they are used
      case 'Placeholder':
        if (n.name !== 'input_1') throw new Error(`${graphName}: unexpected input ${n.name}`);
        break;
      case 'Identity':
        alias.set(n.name, bare(inputs[0]));
        break;
      case '_FusedConv2D':
      case 'FusedDepthwiseConv2dNative': {
        const fused = (a.fused_ops?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
        if (fused[0] !== 'BiasAdd' || fused.length > 2 || (fused[1] && fused[1] !== 'Relu6')) {
          throw new Error(`${graphName}: ${n.name}: fused ops ${fused.join('+')} not supported`);
        }
        if (str(a.data_format) !== 'NHWC') throw new Error(`${graphName}: ${n.name}: data format ${str(a.data_format)}`);
        const w = weights.get(bare(inputs[1]));
        const b = weights.get(bare(inputs[2]));
        if (!w || !b) throw new Error(`${graphName}: ${n.name}: weights missing`);
        const k = n.op === '_FusedConv2D' ? { ...convKernel(w), group: 1 } : depthwiseKernel(w);
        const [, sh, sw] = ints(a.strides);
        const [, dh, dw] = ints(a.dilations).length ? ints(a.dilations) : [1, 1, 1, 1];
        const padding = str(a.padding);
        if (padding !== 'SAME' && padding !== 'VALID') throw new Error(`${graphName}: ${n.name}: padding ${padding}`);
        initializers.push(floatTensor(`${n.name}/W`, k.dims, k.values), floatTensor(`${n.name}/B`, [b.values.length], b.values));
        const convOut = fused[1] ? `${n.name}/conv` : n.name;
        nodes.push(
          node('Conv', `${n.name}/Conv`, [resolve(inputs[0]), `${n.name}/W`, `${n.name}/B`], [convOut], {
            // TF SAME pads the odd extra pixel after: ONNX SAME_UPPER.
            auto_pad: padding === 'SAME' ? 'SAME_UPPER' : 'VALID',
            dilations: [dh, dw],
            group: k.group,
            kernel_shape: [k.dims[2], k.dims[3]],
            strides: [sh, sw],
          }),
        );
        if (fused[1]) relu6(convOut, n.name);
        break;
      }
      case 'Relu6':
        relu6(resolve(inputs[0]), n.name);
        break;
      case 'AddV2':
        nodes.push(node('Add', n.name, [resolve(inputs[0]), resolve(inputs[1])], [n.name]));
        break;
      case 'Sigmoid':
        nodes.push(node('Sigmoid', n.name, [resolve(inputs[0])], [n.name]));
        break;
      case 'Pad': {
        const p = constInt(bare(inputs[1])); // NHWC [[n0,n1],[h0,h1],[w0,w1],[c0,c1]]
        const pads = [p[0], p[6], p[2], p[4], p[1], p[7], p[3], p[5]]; // NCHW begins, then ends
        initializers.push(int64Tensor(`${n.name}/pads`, [8], pads));
        nodes.push(node('Pad', n.name, [resolve(inputs[0]), `${n.name}/pads`], [n.name], { mode: 'constant' }));
        break;
      }
      case 'MaxPool': {
        if (str(a.padding) !== 'VALID') throw new Error(`${graphName}: ${n.name}: MaxPool padding ${str(a.padding)}`);
        const [, kh, kw] = ints(a.ksize);
        const [, sh, sw] = ints(a.strides);
        nodes.push(node('MaxPool', n.name, [resolve(inputs[0])], [n.name], { kernel_shape: [kh, kw], strides: [sh, sw] }));
        break;
      }
      case 'ResizeBilinear': {
        if (a.align_corners?.b || !a.half_pixel_centers?.b) throw new Error(`${graphName}: ${n.name}: only half-pixel-centre resizing is supported`);
        initializers.push(int64Tensor(`${n.name}/sizes`, [2], constInt(bare(inputs[1]))));
        nodes.push(
          node('Resize', n.name, [resolve(inputs[0]), '', '', `${n.name}/sizes`], [n.name], {
            axes: [2, 3],
            coordinate_transformation_mode: 'half_pixel',
            mode: 'linear',
          }),
        );
        break;
      }
      case 'Reshape': {
        // Only flattening 1×1 maps ([1, 1, 1, C] NHWC ≡ [1, C, 1, 1] NCHW), which is what these heads do.
        initializers.push(int64Tensor(`${n.name}/shape`, [2], constInt(bare(inputs[1]))));
        nodes.push(node('Reshape', n.name, [resolve(inputs[0]), `${n.name}/shape`], [n.name]));
        break;
      }
      default:
        throw new Error(`${graphName}: op ${n.op} (${n.name}) is not supported by this converter`);
    }
  }
  for (const key of Object.keys(OUTPUTS)) {
    nodes.push(node('Identity', `output/${key}`, [resolve(signatureOutputs[key].name)], [key]));
  }
  return model({
    graphName,
    nodes,
    initializers,
    inputs: [valueInfo('input_1', DataType.FLOAT, [1, 3, 256, 256])],
    outputs: Object.entries(OUTPUTS).map(([k, dims]) => valueInfo(k, DataType.FLOAT, dims)),
    opset: OPSET,
    producer: 'lopsided tfjsGraphToOnnx',
    producerVersion: '1',
  });
}
