import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/**
 * A component whose code is loaded only once it is `wanted` (the popup's hidden tabs: their code is
 * not loaded, compiled and run before "This page" is shown). Null until loaded; loaded once per `load`.
 */
export function useLazyComponent<P>(load: () => Promise<ComponentType<P>>, wanted: boolean): ComponentType<P> | null {
  const [component, setComponent] = useState<{ type: ComponentType<P> } | null>(null);
  useEffect(() => {
    if (!wanted || component) return;
    let isStopped = false;
    // A failed load (the extension was updated under an open popup) leaves the tab empty.
    load().then(
      (type) => !isStopped && setComponent({ type }),
      () => {},
    );
    return () => {
      isStopped = true;
    };
  }, [load, wanted, component !== null]);
  return component?.type ?? null;
}

/**
 * False until `ready` has been true through one paint: the frame that shows what `ready` brought is
 * painted before the work that waits on this starts (a task queued from an animation-frame callback
 * runs after that frame). Preact's own effects do not wait so: they run early when no frame comes
 * within 35 ms, as while the page is still loading.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [isPainted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!ready || isPainted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, isPainted]);
  return isPainted;
}
