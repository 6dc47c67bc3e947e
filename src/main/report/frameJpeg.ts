// Crops a decoded RGB frame and encodes it as JPEG for the PDF (issue 5: a 30 s report must stay
// under ~3 MB, so key frames go in as JPEG, never as raw pixels). Pure JS (jpeg-js): no native canvas.
import jpeg from 'jpeg-js';
import type { RgbFrame } from '../../shared/contract';

/** Decodes the displayed frame at a time (the video station's extractFrameAt, or a test double). */
export type FrameSource = (timeSec: number) => Promise<RgbFrame>;

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A crop of aspect `aspect` (width/height) around `focus` (decoded pixels), grown by `margin`,
 * kept inside the frame; the whole frame when the focus is unknown.
 */
export function cropAround(frame: Pick<RgbFrame, 'width' | 'height'>, focus: PixelRect | null, aspect: number, margin = 0.18): PixelRect {
  const W = frame.width;
  const H = frame.height;
  const cx = focus ? focus.x + focus.width / 2 : W / 2;
  const cy = focus ? focus.y + focus.height / 2 : H / 2;
  let h = focus ? Math.max(focus.height * (1 + 2 * margin), (focus.width * (1 + 2 * margin)) / aspect) : H;
  let w = h * aspect;
  // Shrink to fit the frame while keeping the aspect.
  const fit = Math.min(1, W / w, H / h);
  w *= fit;
  h *= fit;
  const x = Math.min(Math.max(0, cx - w / 2), W - w);
  const y = Math.min(Math.max(0, cy - h / 2), H - h);
  return { x: Math.round(x), y: Math.round(y), width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)) };
}

/** RGB24 crop → RGBA (what jpeg-js reads) → JPEG bytes. */
export function encodeCropJpeg(frame: RgbFrame, rect: PixelRect, quality = 80): Buffer {
  const { width, height } = rect;
  const rgba = Buffer.alloc(width * height * 4);
  for (let row = 0; row < height; row++) {
    const srcY = Math.min(frame.height - 1, rect.y + row);
    for (let col = 0; col < width; col++) {
      const srcX = Math.min(frame.width - 1, rect.x + col);
      const s = (srcY * frame.width + srcX) * 3;
      const d = (row * width + col) * 4;
      rgba[d] = frame.data[s] ?? 0;
      rgba[d + 1] = frame.data[s + 1] ?? 0;
      rgba[d + 2] = frame.data[s + 2] ?? 0;
      rgba[d + 3] = 255;
    }
  }
  return jpeg.encode({ data: rgba, width, height }, quality).data;
}
