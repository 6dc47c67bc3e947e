// ONNX ModelProto pieces (field numbers from onnx/onnx.proto, IR version 8) written with the
// hand-made protobuf writer (issue 12). Only what the BlazePose landmark graphs need.
import { Message } from './protobufWriter.mjs';

export const DataType = { FLOAT: 1, INT32: 6, INT64: 7 };
const AttrType = { FLOAT: 1, INT: 2, STRING: 3, INTS: 7 };

/** TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian). */
export function tensor(name, dataType, dims, raw) {
  return new Message().ints(1, dims).int(2, dataType).string(8, name).bytes(9, raw);
}

export function floatTensor(name, dims, values) {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return tensor(name, DataType.FLOAT, dims, raw);
}

export function int64Tensor(name, dims, values) {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(8 * i, BigInt(v), true));
  return tensor(name, DataType.INT64, dims, raw);
}

/** AttributeProto: name 1, f 2, i 3, s 4, ints 8, type 20. */
function attribute(name, value) {
  const m = new Message().string(1, name);
  if (typeof value === 'string') return m.bytes(4, new TextEncoder().encode(value)).int(20, AttrType.STRING);
  if (Array.isArray(value)) return m.ints(8, value).int(20, AttrType.INTS);
  if (Number.isInteger(value)) return m.int(3, value).int(20, AttrType.INT);
  return m.float(2, value).int(20, AttrType.FLOAT);
}

/** NodeProto: input 1, output 2, name 3, op_type 4, attribute 5. Attributes in key order (determinism). */
export function node(opType, name, inputs, outputs, attrs = {}) {
  const m = new Message().strings(1, inputs).strings(2, outputs).string(3, name).string(4, opType);
  for (const key of Object.keys(attrs).sort()) m.message(5, attribute(key, attrs[key]));
  return m;
}

/** ValueInfoProto: name 1, type 2 → TypeProto.tensor_type 1 → elem_type 1, shape 2 → dim 1 (dim_value 1 | dim_param 2). */
export function valueInfo(name, elemType, dims) {
  const shape = new Message();
  for (const d of dims) shape.message(1, typeof d === 'string' ? new Message().string(2, d) : new Message().int(1, d));
  const tensorType = new Message().int(1, elemType).message(2, shape);
  return new Message().string(1, name).message(2, new Message().message(1, tensorType));
}

/**
 * ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8.
 * GraphProto: node 1, name 2, initializer 5, input 11, output 12.
 */
export function model({ graphName, nodes, initializers, inputs, outputs, opset, producer, producerVersion }) {
  const graph = new Message().messages(1, nodes).string(2, graphName).messages(5, initializers).messages(11, inputs).messages(12, outputs);
  return new Message()
    .int(1, 8)
    .string(2, producer)
    .string(3, producerVersion)
    .message(7, graph)
    .message(8, new Message().string(1, '').int(2, opset))
    .encode();
}
