import { describe, expect, it, vi } from 'vitest';
import { SPA_SETTLE_MS, startDetector, type DetectorDeps } from '@/entrypoints/detector/watch';

/** A detector on a fake page: `run()` fires the pending schedule, `navigate()` changes the address. */
function detector({ mayBeArticle = () => false, readerRuns = () => false }: Partial<DetectorDeps> = {}) {
  const pending: { delay: number; task: () => void }[] = [];
  let urlListener: ((oldUrl: string, newUrl: string) => void) | null = null;
  let url = 'https://news.example/';
  const deps = {
    mayBeArticle: vi.fn(mayBeArticle),
    readerRuns: vi.fn(readerRuns),
    loadReader: vi.fn(),
    createScheduler: (task: () => void) => (delay: number) => void pending.push({ delay, task }),
    watchUrl: (listener: (oldUrl: string, newUrl: string) => void) => {
      urlListener = listener;
    },
  };
  startDetector(deps);
  return {
    deps,
    pending,
    run: () => pending.splice(0).forEach(({ task }) => task()),
    navigate: (next: string) => {
      const old = url;
      url = next;
      urlListener?.(old, next);
    },
  };
}

describe('startDetector', () => {
  it('checks the page at once and loads nothing on a page that cannot be an article', () => {
    const d = detector();
    expect(d.pending).toEqual([]);
    expect(d.deps.mayBeArticle).toHaveBeenCalledTimes(1);
    expect(d.deps.loadReader).not.toHaveBeenCalled();
  });

  it('loads the reader once on a page that may be an article, and stops checking', () => {
    const d = detector({ mayBeArticle: () => true });
    d.run();
    expect(d.deps.loadReader).toHaveBeenCalledTimes(1);
    d.navigate('https://news.example/2024/05/01/next-story');
    expect(d.pending).toEqual([]);
  });

  it('checks again after an in-page navigation to a new address, once the site had time to render it', () => {
    let article = false;
    const d = detector({ mayBeArticle: () => article });
    d.run();
    d.navigate('https://news.example/#comments');
    expect(d.pending).toEqual([]); // the same page, another fragment
    article = true;
    d.navigate('https://news.example/2024/05/01/council-backs-plan');
    expect(d.pending.map((p) => p.delay)).toEqual([SPA_SETTLE_MS]);
    d.run();
    expect(d.deps.loadReader).toHaveBeenCalledTimes(1);
  });

  it('stays quiet where the reader runs already (loaded by the popup or the keyboard command)', () => {
    const d = detector({ mayBeArticle: () => true, readerRuns: () => true });
    d.run();
    expect(d.deps.mayBeArticle).not.toHaveBeenCalled();
    expect(d.deps.loadReader).not.toHaveBeenCalled();
  });
});
