// The two points the pelvis tracker follows (tape marks or the pelvis region's sides), in frame pixels: shared by
// the tracker, the tape-mark finder and the worker protocol without any of them importing another.
export interface Point {
  x: number;
  y: number;
}

export interface PelvisSeeds {
  left: Point;
  right: Point;
}
