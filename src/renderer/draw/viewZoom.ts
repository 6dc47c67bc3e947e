// Pure geometry of the player's picture: fitting the clip into the space the window leaves (never cropped, never
// under the controls), and zoom/pan as one transform of that fitted picture. Kept apart from React so every rule
// (zoom about the cursor, never show past the picture's edge) is tested on numbers.

export interface Size { width: number; height: number }

/** The largest box of the given aspect (width / height) that fits inside the space, like CSS object-fit: contain. */
export function fitContain(space: Size, aspect: number): Size {
  if (!(space.width > 0) || !(space.height > 0) || !(aspect > 0)) return { width: 0, height: 0 };
  const width = Math.min(space.width, space.height * aspect);
  return { width, height: width / aspect };
}

/** screen = offset + scale × picture, in CSS pixels of the fitted picture box; scale 1 shows the whole frame. */
export interface ZoomView { scale: number; x: number; y: number }

export const NO_ZOOM: ZoomView = { scale: 1, x: 0, y: 0 };
export const MAX_ZOOM = 8;

/** Keeps the picture covering the box: at scale s it may slide by at most (s − 1) × the box. */
export function clampView(view: ZoomView, box: Size): ZoomView {
  const scale = Math.max(1, Math.min(MAX_ZOOM, view.scale));
  const clampAxis = (v: number, len: number): number => Math.max(len - len * scale, Math.min(0, v));
  return { scale, x: clampAxis(view.x, box.width), y: clampAxis(view.y, box.height) };
}

/** Zooms by factor about a point of the box (the cursor, the pinch centre): that point stays where it is. */
export function zoomAbout(view: ZoomView, factor: number, at: { x: number; y: number }, box: Size): ZoomView {
  const scale = Math.max(1, Math.min(MAX_ZOOM, view.scale * factor));
  const k = scale / view.scale;
  return clampView({ scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k }, box);
}

export function panBy(view: ZoomView, dx: number, dy: number, box: Size): ZoomView {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, box);
}

/**
 * The view that frames a region given in video pixels (e.g. the feet) as large as the box allows, centred.
 * videoSize is the clip's own pixel size; the box shows the whole clip at scale 1.
 */
export function frameRegion(region: { x: number; y: number; width: number; height: number }, videoSize: Size, box: Size): ZoomView {
  if (!(region.width > 0) || !(region.height > 0) || !(videoSize.width > 0)) return NO_ZOOM;
  const k = box.width / videoSize.width; // CSS px per video px at scale 1
  const scale = Math.min(box.width / (region.width * k), box.height / (region.height * k));
  const cx = (region.x + region.width / 2) * k;
  const cy = (region.y + region.height / 2) * k;
  const s = Math.max(1, Math.min(MAX_ZOOM, scale));
  return clampView({ scale: s, x: box.width / 2 - s * cx, y: box.height / 2 - s * cy }, box);
}
