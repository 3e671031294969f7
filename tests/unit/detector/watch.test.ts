import { describe, expect, it, vi } from 'vitest';
import { loadReaderListener, SPA_SETTLE_MS, startDetector, type DetectorDeps } from '@/entrypoints/detector/watch';
import { parseEnvelope, type Reply } from '@/utils/messaging';

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
  it('checks the page at the first idle moment and loads nothing on a page that cannot be an article', () => {
    const d = detector();
    expect(d.pending.map((p) => p.delay)).toEqual([0]);
    d.run();
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

describe('loadReaderListener', () => {
  const ask = (listener: ReturnType<typeof loadReaderListener>, message: unknown) =>
    new Promise<{ answered: true | undefined; reply: Promise<Reply<unknown>> }>((resolve) => {
      let reply!: (value: Reply<unknown>) => void;
      const replied = new Promise<Reply<unknown>>((done) => (reply = done));
      resolve({ answered: listener(message, {}, reply as (value: unknown) => void), reply: replied });
    });

  it('answers loadReader once the reader has run, in the reply shape of the protocol', async () => {
    const load = vi.fn().mockResolvedValue({});
    const { answered, reply } = await ask(loadReaderListener(load), { type: 'loadReader', data: {} });
    expect(answered).toBe(true);
    await expect(reply).resolves.toEqual({ ok: true, data: { running: true } });
    expect(load).toHaveBeenCalledTimes(1);
    expect(parseEnvelope({ type: 'loadReader', data: {} }).ok).toBe(true);
  });

  it('tells when the reader could not load', async () => {
    const { reply } = await ask(loadReaderListener(() => Promise.reject(new Error('extension reloaded'))), { type: 'loadReader', data: {} });
    await expect(reply).resolves.toEqual({ ok: false, error: 'the reader did not load: Error: extension reloaded' });
  });

  it("stays silent on every other message (the reader's), and on junk", async () => {
    const load = vi.fn();
    const listener = loadReaderListener(load);
    for (const message of [{ type: 'getArticle', data: {} }, null, 'loadReader', 42]) expect((await ask(listener, message)).answered).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });
});
