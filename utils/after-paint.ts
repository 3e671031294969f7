/**
 * Runs `callback` once what was just rendered is on screen; returns a function that cancels it. Call
 * it right after the DOM changed (a layout effect): an animation-frame callback runs before the next
 * frame is painted, and a task queued from it runs after that paint. (Preact's `useEffect` may run
 * before the paint: when no frame comes within 35 ms, e.g. while the page is still loading, it does
 * not wait for one.)
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
