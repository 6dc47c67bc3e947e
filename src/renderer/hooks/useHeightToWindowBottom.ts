// The height from an element's top (in the page, not the scrolled viewport) to the bottom of the window, so a
// player sized with it shows picture, controls and timeline together without scrolling (issue 13: at 1440×900 the
// portrait clip pushed feet and controls below the fold).
import { useEffect, useState, type RefObject } from 'react';

export function useHeightToWindowBottom(ref: RefObject<HTMLElement | null>, marginPx: number, minPx: number): number {
  const [height, setHeight] = useState(minPx);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (): void => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(minPx, Math.floor(window.innerHeight - top - marginPx)));
    };
    read();
    window.addEventListener('resize', read);
    // The header above can change height (tabs wrap, a warning appears): follow the page's layout too.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(document.body);
    return () => { window.removeEventListener('resize', read); observer?.disconnect(); };
  }, [ref, marginPx, minPx]);
  return height;
}
