import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { afterNextPaint } from '@/utils/after-paint';

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
 * False until `ready` has been true through one paint ({@link afterNextPaint}): the frame that shows
 * what `ready` brought is painted before the work that waits on this starts. Preact's own effects do
 * not wait so.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [isPainted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!ready || isPainted) return;
    return afterNextPaint(() => setPainted(true));
  }, [ready, isPainted]);
  return isPainted;
}
