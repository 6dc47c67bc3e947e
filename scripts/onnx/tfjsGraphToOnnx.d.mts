// Types of tfjsGraphToOnnx.mjs (set-up scripts stay plain JavaScript: they run before the build).
export declare function tfjsGraphToOnnx(modelJson: unknown, weightBytes: Uint8Array, graphName: string): Uint8Array;
export declare function decodeWeights(
  manifest: unknown,
  weightBytes: Uint8Array,
): Map<string, { shape: number[]; dtype: string; values: Float32Array | Int32Array }>;
