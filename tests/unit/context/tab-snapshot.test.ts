import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshotKey } from '@/utils/context/snapshot-key';
import { createSnapshotStore, readTabSnapshot, type SessionArea } from '@/utils/context/tab-snapshot';
import { makeArticle, makeContext } from '../components/fixtures';

const session = () => fakeBrowser.storage.session as unknown as SessionArea;

describe('tab snapshots in storage.session (the popup paints from them first)', () => {
  it('reads back what the background wrote for a tab, and only for that tab', async () => {
    const store = createSnapshotStore(session());
    const snapshot = { article: makeArticle(), context: makeContext() };
    await store.write(7, snapshot);
    expect(await readTabSnapshot(7, session())).toEqual(snapshot);
    expect(await readTabSnapshot(8, session())).toBeNull();
    await store.remove(7);
    expect(await readTabSnapshot(7, session())).toBeNull();
  });

  it('ignores stored data not in the shape written: another article, an incomplete context, junk', async () => {
    const article = makeArticle();
    const cases: unknown[] = [
      { article, context: makeContext({ canonicalUrl: 'https://n.test/other' }) },
      { article, context: makeContext({ complete: false }) },
      { article, context: { ...makeContext(), related: null } },
      { article: { ...article, title: 42 }, context: makeContext() },
      '<script>alert(1)</script>',
      null,
      [article, makeContext()],
    ];
    for (const value of cases) {
      await fakeBrowser.storage.session.set({ [snapshotKey(3)]: value });
      expect(await readTabSnapshot(3, session())).toBeNull();
    }
  });

  it('never throws: no storage.session (older Firefox), a failing read, a full storage', async () => {
    expect(await readTabSnapshot(1, undefined)).toBeNull();
    const failing: SessionArea = {
      get: vi.fn(async () => Promise.reject(new Error('storage gone'))),
      set: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))),
      remove: vi.fn(async () => undefined),
    };
    expect(await readTabSnapshot(1, failing)).toBeNull();
    const store = createSnapshotStore(failing);
    await expect(store.write(1, { article: makeArticle(), context: makeContext() })).resolves.toBeUndefined();
    // A write that did not fit leaves no older snapshot behind.
    expect(failing.remove).toHaveBeenCalledWith(snapshotKey(1));
    await expect(createSnapshotStore(undefined).clear()).resolves.toBeUndefined();
  });

  it("clears every tab's snapshot, also those of an earlier worker, and nothing else in the area", async () => {
    await fakeBrowser.storage.session.set({ [snapshotKey(1)]: 'from an earlier worker', other: 'kept' });
    const store = createSnapshotStore(session());
    await store.write(2, { article: makeArticle(), context: makeContext() });
    await store.clear();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ other: 'kept' });
  });
});

describe('what may be kept', () => {
  it('writes nothing when the article may not be kept (history paused, site excluded) or that cannot be told', async () => {
    const snapshot = { article: makeArticle(), context: makeContext() };
    for (const mayKeep of [async () => false, async () => Promise.reject(new Error('settings unreadable'))]) {
      await createSnapshotStore(session(), mayKeep).write(1, snapshot);
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    }
    await createSnapshotStore(session(), async (article) => article.canonicalUrl === snapshot.article.canonicalUrl).write(1, snapshot);
    expect(await readTabSnapshot(1, session())).toEqual(snapshot);
  });

  it('stores nothing when the tab left its page or the snapshots were cleared while it asked whether it may', async () => {
    for (const meanwhile of ['remove', 'clear'] as const) {
      let answer!: (may: boolean) => void;
      const store = createSnapshotStore(session(), () => new Promise((done) => (answer = done)));
      const writing = store.write(1, { article: makeArticle(), context: makeContext() });
      await (meanwhile === 'remove' ? store.remove(1) : store.clear());
      answer(true);
      await writing;
      expect(await fakeBrowser.storage.session.get(null), meanwhile).toEqual({});
    }
    // Another tab's removal does not stop the write.
    let answer!: (may: boolean) => void;
    const store = createSnapshotStore(session(), () => new Promise((done) => (answer = done)));
    const writing = store.write(1, { article: makeArticle(), context: makeContext() });
    await store.remove(2);
    answer(true);
    await writing;
    expect(await readTabSnapshot(1, session())).not.toBeNull();
  });
});
