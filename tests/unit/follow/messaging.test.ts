import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '@/utils/messaging';
import { siteArticle } from '../context/fixtures';

const article = siteArticle('harwick-flood-barrier-vote');
const parse = (type: string, data: unknown) => parseEnvelope({ type, data });

describe('follow messages are validated', () => {
  it('followStory takes a valid article and an optional tab id, and drops unknown fields', () => {
    expect(parse('followStory', { article, tabId: 3, extra: 1 })).toEqual({ ok: true, envelope: { type: 'followStory', data: { article, tabId: 3 } } });
    expect(parse('followStory', { article })).toEqual({ ok: true, envelope: { type: 'followStory', data: { article } } });
  });

  it('followStory refuses a missing or malformed article, or a bad tab id, with a clear error', () => {
    expect(parse('followStory', undefined)).toEqual({ ok: false, error: 'invalid followStory: followStory needs { article }' });
    expect(parse('followStory', { article: { ...article, canonicalUrl: 'javascript:alert(1)' } })).toEqual({
      ok: false,
      error: 'invalid followStory: canonicalUrl must be http(s)',
    });
    expect(parse('followStory', { article, tabId: -1 })).toMatchObject({ ok: false, error: expect.stringContaining('tabId') });
  });

  it('unfollowStory needs a story id of word characters', () => {
    expect(parse('unfollowStory', { id: '3f2a-9c' })).toEqual({ ok: true, envelope: { type: 'unfollowStory', data: { id: '3f2a-9c' } } });
    for (const bad of [undefined, {}, { id: 5 }, { id: '' }, { id: '../x' }, { id: 'x'.repeat(65) }]) {
      expect(parse('unfollowStory', bad)).toEqual({ ok: false, error: 'invalid unfollowStory: unfollowStory needs { id } (a story id)' });
    }
  });

  it('listFollows takes an optional boolean markSeen', () => {
    expect(parse('listFollows', {})).toEqual({ ok: true, envelope: { type: 'listFollows', data: {} } });
    expect(parse('listFollows', undefined)).toEqual({ ok: true, envelope: { type: 'listFollows', data: {} } });
    expect(parse('listFollows', { markSeen: true })).toEqual({ ok: true, envelope: { type: 'listFollows', data: { markSeen: true } } });
    expect(parse('listFollows', { markSeen: 'yes' })).toEqual({ ok: false, error: 'invalid listFollows: markSeen must be true or false' });
    expect(parse('listFollows', [1])).toMatchObject({ ok: false });
  });

  it('checkFollowsNow takes no data', () => {
    expect(parse('checkFollowsNow', {})).toEqual({ ok: true, envelope: { type: 'checkFollowsNow', data: {} } });
    expect(parse('checkFollowsNow', 'now')).toEqual({ ok: false, error: 'invalid checkFollowsNow: checkFollowsNow takes no data' });
  });
});
