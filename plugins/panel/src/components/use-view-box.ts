import { useCallback, useEffect, useRef, useState } from 'react';
import type { Point } from '../model';

export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  width: number;
  height: number;
}

const MARGIN = 40;
const MIN_W = 50;

/** The viewBox that shows a layout of `content` whole, keeping the viewport's aspect ratio. */
export function fitBox(content: Size, viewport: Size): ViewBox {
  const w = Math.max(content.width + 2 * MARGIN, MIN_W);
  const h = Math.max(content.height + 2 * MARGIN, MIN_W);
  const aspect = viewport.width > 0 && viewport.height > 0 ? viewport.width / viewport.height : 1;
  const box = w / h > aspect ? { w, h: w / aspect } : { w: h * aspect, h };
  return { x: -MARGIN - (box.w - w) / 2, y: -MARGIN - (box.h - h) / 2, ...box };
}

/**
 * Pan and zoom as a viewBox: the browser scales the drawing, React re-renders nothing but the
 * attribute. The wheel listener is added by hand because React's is passive and cannot stop the page scrolling.
 */
export function useViewBox(content: Size, viewport: Size) {
  const [box, setBox] = useState<ViewBox>(() => fitBox(content, viewport));
  const svgRef = useRef<SVGSVGElement | null>(null);

  /** A screen-pixel distance in world units. */
  const toWorld = useCallback(
    (dxScreen: number, dyScreen: number): Point => ({
      x: (dxScreen * box.w) / Math.max(1, viewport.width),
      y: (dyScreen * box.h) / Math.max(1, viewport.height),
    }),
    [box.w, box.h, viewport.width, viewport.height]
  );

  const panBy = useCallback(
    (dxScreen: number, dyScreen: number) =>
      setBox((b) => ({
        ...b,
        x: b.x - (dxScreen * b.w) / Math.max(1, viewport.width),
        y: b.y - (dyScreen * b.h) / Math.max(1, viewport.height),
      })),
    [viewport.width, viewport.height]
  );

  /** Zooms by `factor` (>1 zooms in) keeping the point at `at` (fractions of the viewport, default its centre) still. */
  const zoomBy = useCallback((factor: number, at: Point = { x: 0.5, y: 0.5 }) => {
    setBox((b) => {
      const c = { x: b.x + at.x * b.w, y: b.y + at.y * b.h };
      const w = b.w / factor;
      const h = b.h / factor;
      return { x: c.x - at.x * w, y: c.y - at.y * h, w, h };
    });
  }, []);

  const centreOn = useCallback((p: Point) => setBox((b) => ({ ...b, x: p.x - b.w / 2, y: p.y - b.h / 2 })), []);
  const fit = useCallback(() => setBox(fitBox(content, viewport)), [content, viewport]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) {
      return undefined;
    }
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const at = {
        x: (event.clientX - rect.left) / Math.max(1, rect.width || viewport.width),
        y: (event.clientY - rect.top) / Math.max(1, rect.height || viewport.height),
      };
      zoomBy(event.deltaY < 0 ? 1.2 : 1 / 1.2, at);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [zoomBy, viewport.width, viewport.height]);

  /** Screen pixels per world unit. */
  const scale = viewport.width / box.w;
  return { box, svgRef, panBy, zoomBy, centreOn, fit, toWorld, scale };
}
