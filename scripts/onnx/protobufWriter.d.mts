// Types of protobufWriter.mjs (set-up scripts stay plain JavaScript: they run before the build).
export declare class Message {
  int(field: number, value: number | bigint): this;
  ints(field: number, values: readonly (number | bigint)[]): this;
  float(field: number, value: number): this;
  bytes(field: number, data: Uint8Array): this;
  string(field: number, text: string): this;
  strings(field: number, texts: readonly string[]): this;
  message(field: number, msg: Message): this;
  messages(field: number, msgs: readonly Message[]): this;
  encode(): Uint8Array;
}
