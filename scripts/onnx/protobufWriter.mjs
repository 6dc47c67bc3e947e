// The few protobuf wire-format writers an ONNX ModelProto needs (issue 12). Hand-written so the
// converter has no dependency: varints, length-delimited fields, little-endian floats. Repeated
// scalars are written unpacked (onnx.proto is proto2, where that is the default encoding).

/** @param {number | bigint} value */
function varint(value) {
  let v = BigInt.asUintN(64, BigInt(value));
  const out = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Uint8Array.from(out);
}

const tag = (field, wireType) => varint((field << 3) | wireType);

/** A message under construction: fields are appended in call order. */
export class Message {
  constructor() {
    /** @type {Uint8Array[]} */
    this.parts = [];
  }

  int(field, value) {
    this.parts.push(tag(field, 0), varint(value));
    return this;
  }

  ints(field, values) {
    for (const v of values) this.int(field, v);
    return this;
  }

  float(field, value) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.parts.push(tag(field, 5), b);
    return this;
  }

  bytes(field, data) {
    this.parts.push(tag(field, 2), varint(data.byteLength), data);
    return this;
  }

  string(field, text) {
    return this.bytes(field, new TextEncoder().encode(text));
  }

  strings(field, texts) {
    for (const t of texts) this.string(field, t);
    return this;
  }

  message(field, msg) {
    return this.bytes(field, msg.encode());
  }

  messages(field, msgs) {
    for (const m of msgs) this.message(field, m);
    return this;
  }

  /** @returns {Uint8Array} */
  encode() {
    const total = this.parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
}
