import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

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
