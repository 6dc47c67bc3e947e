// Wheel, pinch and drag on the player's picture, as in Kinovea: the wheel (or a trackpad pinch, which Chromium
// sends as a ctrl+wheel) zooms about the cursor, two fingers pinch-zoom, one finger or the mouse drags the
// zoomed picture. The view itself is plain state owned by the player (viewZoom.ts does the geometry).
import { useEffect, useRef, type RefObject } from 'react';
import { panBy, zoomAbout, type Size, type ZoomView } from '../draw/viewZoom';

export function useZoomPan(ref: RefObject<HTMLElement | null>, box: Size, view: ZoomView, setView: (update: (v: ZoomView) => ZoomView) => void): void {
  // Read inside long-lived listeners without re-binding them on every pan step.
  const boxRef = useRef(box);
  boxRef.current = box;
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const local = (clientX: number, clientY: number): { x: number; y: number } => {
      const r = el.getBoundingClientRect();
      return { x: clientX - r.left, y: clientY - r.top };
    };
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      // deltaY 100 (one mouse notch) zooms by 1.25; trackpad pinches send small deltas, so they zoom smoothly.
      const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.00223));
      const at = local(e.clientX, e.clientY);
      setView((v) => zoomAbout(v, factor, at, boxRef.current));
    };
    const pointers = new Map<number, { x: number; y: number }>();
    let pinchDistance = 0;
    const onDown = (e: PointerEvent): void => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      // Buttons over the picture (the zoom bar) keep their clicks: capturing their pointer would steal them.
      if (e.target instanceof Element && e.target.closest('button, input, select, a')) return;
      // A measuring tool is placing points: the click is a point, not a drag.
      if (e.target instanceof Element && e.target.closest('[data-measuring="true"]')) return;
      pointers.set(e.pointerId, local(e.clientX, e.clientY));
      el.setPointerCapture?.(e.pointerId);
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        pinchDistance = Math.hypot(a.x - b.x, a.y - b.y);
      }
    };
    const onMove = (e: PointerEvent): void => {
      const before = pointers.get(e.pointerId);
      if (!before) return;
      const now = local(e.clientX, e.clientY);
      pointers.set(e.pointerId, now);
      if (pointers.size === 1) {
        if (viewRef.current.scale > 1) setView((v) => panBy(v, now.x - before.x, now.y - before.y, boxRef.current));
        return;
      }
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinchDistance > 0 && distance > 0) {
        const factor = distance / pinchDistance;
        setView((v) => zoomAbout(v, factor, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, boxRef.current));
      }
      pinchDistance = distance;
    };
    const onUp = (e: PointerEvent): void => { pointers.delete(e.pointerId); pinchDistance = 0; };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
  }, [ref, setView]);
}
