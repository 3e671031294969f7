import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FollowLimitError,
  addFollow,
  followsItem,
  listFollows,
  markAllSeen,
  readFollows,
  readStory,
  clearFollows,
  removeFollow,
  totalNew,
  updateFollow,
} from '@/utils/follow/store';
import { MAX_FOLLOWS, MAX_LATEST, MAX_SEEN_URLS, toView } from '@/utils/follow/types';
import { makeFollow } from './helpers';

describe('follow store: reading stored data', () => {
  it('reads back what was stored', async () => {
    await addFollow(makeFollow());
    expect(await listFollows()).toEqual([makeFollow()]);
  });

  it('reads a missing, corrupt or foreign value as no stories, without throwing', async () => {
    expect(await listFollows()).toEqual([]);
    for (const bad of [null, 42, 'x', { stories: [] }, [null, 1, 'a', []]]) {
      await fakeBrowser.storage.local.set({ follows: bad });
      expect(await listFollows()).toEqual([]);
    }
  });

  it('drops stories without an id, an http(s) URL or anything to search for, and keeps the good ones', () => {
    const good = makeFollow();
    const stories = readFollows([
      good,
      { ...makeFollow({ id: 'b' }), canonicalUrl: 'javascript:alert(1)' },
      { ...makeFollow({ id: 'c', canonicalUrl: 'https://c.test/a' }), query: { lang: 'en', entities: [], keyTerms: [] } },
      { ...makeFollow({ canonicalUrl: 'https://d.test/a' }), id: '<script>' },
    ]);
    expect(stories).toEqual([good]);
  });

  it('repairs malformed fields: bad dates, counts, states and items', () => {
    const story = readStory({
      ...makeFollow(),
      publishedAt: 'not a date',
      newCount: -3,
      lastCheckedAt: 'yesterday',
      status: { state: 'exploded', detail: 5 },
      latest: [{ title: 'Ok', url: 'https://a.test/1', source: 'A', publishedAt: null, foundAt: 1 }, { title: 'Bad', url: 'data:text/html,x' }, null],
      query: { lang: 'english!', entities: [{ name: 'Harwick', type: 'planet', variants: [1, 'Harwik'] }, { type: 'place' }], keyTerms: ['barrier', 7] },
    });
    expect(story).toMatchObject({
      publishedAt: null,
      newCount: 0,
      lastCheckedAt: null,
      status: { state: 'waiting' },
      latest: [{ title: 'Ok', url: 'https://a.test/1' }],
      query: { lang: 'en', entities: [{ name: 'Harwick', type: 'other', variants: ['Harwik'] }], keyTerms: ['barrier'] },
    });
  });

  it('caps what one story keeps: seen URLs (newest kept) and latest items', () => {
    const seenUrls = Array.from({ length: MAX_SEEN_URLS + 20 }, (_, i) => `https://a.test/${i}`);
    const latest = Array.from({ length: MAX_LATEST + 5 }, (_, i) => ({ title: `T${i}`, url: `https://b.test/${i}`, source: 'B', publishedAt: null, foundAt: i }));
    const story = readStory({ ...makeFollow(), seenUrls, latest })!;
    expect(story.seenUrls).toHaveLength(MAX_SEEN_URLS);
    expect(story.seenUrls.at(-1)).toBe(`https://a.test/${MAX_SEEN_URLS + 19}`);
    expect(story.latest).toHaveLength(MAX_LATEST);
  });

  it('keeps one story per canonical URL and per id when the stored list has duplicates', () => {
    const stories = readFollows([makeFollow(), makeFollow({ id: 'other' }), makeFollow({ canonicalUrl: 'https://x.test/a' })]);
    expect(stories.map((s) => s.id)).toEqual(['story-1']);
  });
});

describe('follow store: changes', () => {
  it('following the same article twice keeps one story and joins the seen URLs', async () => {
    await addFollow(makeFollow({ seenUrls: ['https://a.test/1'], newCount: 2 }));
    const again = await addFollow(makeFollow({ id: 'story-2', seenUrls: ['https://a.test/2'] }));
    expect(again.id).toBe('story-1');
    expect(again.newCount).toBe(2);
    const stored = await listFollows();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.seenUrls).toEqual(['https://a.test/1', 'https://a.test/2']);
  });

  it(`refuses a story past ${MAX_FOLLOWS} with a clear error and changes nothing`, async () => {
    await followsItem.setValue(Array.from({ length: MAX_FOLLOWS }, (_, i) => makeFollow({ id: `s${i}`, canonicalUrl: `https://a.test/${i}` })));
    await expect(addFollow(makeFollow({ id: 'one-more', canonicalUrl: 'https://b.test/x' }))).rejects.toThrow(FollowLimitError);
    const stored = await listFollows();
    expect(stored).toHaveLength(MAX_FOLLOWS);
    expect(stored.some((s) => s.id === 'one-more')).toBe(false);
  });

  it('removes a story by id and says whether it was there', async () => {
    await addFollow(makeFollow());
    expect(await removeFollow('nope')).toBe(false);
    expect(await removeFollow('story-1')).toBe(true);
    expect(await listFollows()).toEqual([]);
  });

  it('"Clear all" in History forgets every followed story', async () => {
    await addFollow(makeFollow());
    await addFollow(makeFollow({ id: 'story-2', canonicalUrl: 'https://example.org/news/other-story' }));
    expect(await listFollows()).toHaveLength(2);
    await clearFollows();
    expect(await listFollows()).toEqual([]);
  });

  it('does not bring back a story removed while a change to it was queued', async () => {
    await addFollow(makeFollow());
    const removing = removeFollow('story-1');
    const updating = updateFollow('story-1', (s) => ({ ...s, newCount: 5 }));
    expect(await removing).toBe(true);
    expect(await updating).toBeNull();
    expect(await listFollows()).toEqual([]);
  });

  it('concurrent changes are applied one after the other, none lost', async () => {
    await addFollow(makeFollow());
    await Promise.all(Array.from({ length: 5 }, () => updateFollow('story-1', (s) => ({ ...s, newCount: s.newCount + 1 }))));
    expect((await listFollows())[0]!.newCount).toBe(5);
  });

  it('marks every new item seen and totals the new items', async () => {
    await addFollow(makeFollow({ newCount: 2 }));
    await addFollow(makeFollow({ id: 'b', canonicalUrl: 'https://b.test/x', newCount: 3 }));
    expect(totalNew(await listFollows())).toBe(5);
    await markAllSeen();
    expect(totalNew(await listFollows())).toBe(0);
  });

  it('the popup view leaves out the query and the seen URLs', () => {
    const view = toView(makeFollow({ seenUrls: ['https://a.test/1'] }));
    expect(view).not.toHaveProperty('seenUrls');
    expect(view).not.toHaveProperty('query');
    expect(view.canonicalUrl).toBe(makeFollow().canonicalUrl);
  });
});
