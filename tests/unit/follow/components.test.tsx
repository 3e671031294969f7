// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowButton } from '@/components/FollowButton';
import { FollowList } from '@/components/FollowList';
import { FollowPanel, type NotifyPermission } from '@/components/FollowPanel';
import { toView, type FollowedStoryView } from '@/utils/follow/types';
import type { sendMessage } from '@/utils/messaging';
import { siteArticle } from '../context/fixtures';
import { IMG, JS_URL, SCRIPT, expectInert } from '../components/hostile';
import { makeFollow } from './helpers';

afterEach(cleanup);

const NOW = Date.parse('2025-03-15T12:00:00Z');
const article = siteArticle('harwick-flood-barrier-vote');
const item = (n: number) => ({ title: `New item ${n}`, url: `https://n.test/${n}`, source: `Outlet ${n}`, publishedAt: null, foundAt: NOW });
const view = (overrides: Parameters<typeof makeFollow>[0] = {}): FollowedStoryView => toView(makeFollow({ canonicalUrl: article.canonicalUrl, ...overrides }));

/** A fake `sendMessage` answering from a table of handlers; records every call. */
function fakeSend(handlers: Record<string, (data: unknown) => unknown>) {
  const calls: [string, unknown][] = [];
  const send = vi.fn(async (type: string, data: unknown) => {
    calls.push([type, data]);
    const handler = handlers[type];
    if (!handler) throw new Error(`unexpected ${type}`);
    return handler(data);
  });
  return { send: send as unknown as typeof sendMessage, calls };
}

describe('FollowButton', () => {
  it('follows the article of this tab, then shows "Following ✓" and unfollows on the next click', async () => {
    const { send, calls } = fakeSend({
      listFollows: () => [],
      followStory: () => view({ id: 'abc' }),
      unfollowStory: () => ({ removed: true }),
    });
    render(<FollowButton article={article} tabId={4} send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Follow this story' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Following ✓' }));
    await screen.findByRole('button', { name: 'Follow this story' });
    expect(calls.map(([type]) => type)).toEqual(['listFollows', 'followStory', 'unfollowStory']);
    expect(calls[1]![1]).toEqual({ article, tabId: 4 });
    expect(calls[2]![1]).toEqual({ id: 'abc' });
  });

  it('shows "Following ✓" for an article already followed', async () => {
    const { send } = fakeSend({ listFollows: () => [view({ canonicalUrl: 'https://other.test/a', id: 'x' }), view()] });
    render(<FollowButton article={article} tabId={null} send={send} />);
    expect(await screen.findByRole('button', { name: 'Following ✓' })).toBeTruthy();
  });

  it('says why when following fails, and stays a "Follow" button', async () => {
    const { send } = fakeSend({
      listFollows: () => [],
      followStory: () => {
        throw new Error('You already follow 50 stories. Unfollow one first.');
      },
    });
    render(<FollowButton article={article} tabId={null} send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Follow this story' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Couldn't change following: You already follow 50 stories. Unfollow one first.");
    expect(screen.getByRole('button', { name: 'Follow this story' })).toBeTruthy();
  });
});

describe('FollowList', () => {
  it('shows each story: title link, outlet, new count, last check, newest items and an Unfollow button', () => {
    const onUnfollow = vi.fn();
    const story = view({ newCount: 2, latest: [item(1), item(2)], lastCheckedAt: NOW - 5 * 60_000, status: { state: 'ok' } });
    render(<FollowList stories={[story]} now={NOW} onUnfollow={onUnfollow} />);
    const row = within(screen.getByRole('list', { name: 'Followed stories' })).getAllByRole('listitem')[0]!;
    expect(within(row).getByRole('link', { name: story.title }).getAttribute('href')).toBe(article.canonicalUrl);
    expect(row.textContent).toContain('2 new');
    expect(row.textContent).toContain('The Riverside Courier · checked 5 min ago');
    const newest = screen.getByRole('list', { name: `Newest coverage: ${story.title}` });
    expect(within(newest).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://n.test/1', 'https://n.test/2']);
    fireEvent.click(screen.getByRole('button', { name: `Unfollow ${story.title}` }));
    expect(onUnfollow).toHaveBeenCalledWith(story);
  });

  it('says how the last check went: not yet, some sources failed, all failed, no sources', () => {
    const stories = [
      view({ id: 'a', canonicalUrl: 'https://a.test/1' }),
      view({ id: 'b', canonicalUrl: 'https://b.test/1', lastCheckedAt: NOW, status: { state: 'partial', detail: 'GDELT rate-limited' } }),
      view({ id: 'c', canonicalUrl: 'https://c.test/1', lastCheckedAt: NOW, status: { state: 'failed', detail: 'Google News offline' } }),
      view({ id: 'd', canonicalUrl: 'https://d.test/1', lastCheckedAt: NOW, status: { state: 'no-sources' } }),
    ];
    render(<FollowList stories={stories} now={NOW} onUnfollow={() => {}} />);
    const lines = screen.getAllByRole('listitem').filter((li) => li.classList.contains('bs-follows__item')).map((li) => li.querySelector('.bs-follows__check')!.textContent);
    expect(lines).toEqual([
      'not checked yet',
      'checked just now · some sources failed (GDELT rate-limited)',
      'checked just now · check failed (Google News offline)',
      'checked just now · every source is off',
    ]);
  });

  it('renders hostile titles, outlets and URLs as inert text', () => {
    const hostile = view({
      title: `Barrier ${SCRIPT}`,
      outlet: IMG,
      latest: [{ title: IMG, url: JS_URL, source: SCRIPT, publishedAt: null, foundAt: NOW }],
      newCount: 1,
    });
    const { container } = render(<FollowList stories={[hostile]} now={NOW} onUnfollow={() => {}} />);
    expectInert(container);
    expect(container.textContent).toContain(SCRIPT);
  });
});

describe('FollowPanel', () => {
  const permission = (granted: boolean, answer = granted): NotifyPermission & { request: ReturnType<typeof vi.fn> } => ({
    has: vi.fn(async () => granted),
    request: vi.fn(async () => answer),
    remove: vi.fn(async () => true),
  });

  it('loads the list when shown, marking it seen, and says when there is nothing followed', async () => {
    const { send, calls } = fakeSend({ listFollows: () => [] });
    const { rerender } = render(<FollowPanel active={false} send={send} permission={permission(false)} now={() => NOW} />);
    expect(calls).toEqual([]);
    rerender(<FollowPanel active send={send} permission={permission(false)} now={() => NOW} />);
    expect((await screen.findByText('No followed stories')).textContent).toBe('No followed stories');
    expect(calls).toEqual([['listFollows', { markSeen: true }]]);
  });

  it('unfollows from the list and checks now on request', async () => {
    let stories = [view({ newCount: 1, latest: [item(1)] })];
    const { send, calls } = fakeSend({
      listFollows: () => stories,
      unfollowStory: () => {
        stories = [];
        return { removed: true };
      },
      checkFollowsNow: () => ({ checked: 1, newItems: 0 }),
    });
    render(<FollowPanel active send={send} permission={permission(false)} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    expect((await screen.findByText('No new coverage.')).textContent).toBe('No new coverage.');
    fireEvent.click(screen.getByRole('button', { name: `Unfollow ${stories[0]!.title}` }));
    await screen.findByText('No followed stories');
    // After "Check now" the list is loaded again.
    expect(calls.map(([type]) => type).sort()).toEqual(['checkFollowsNow', 'listFollows', 'listFollows', 'unfollowStory']);
  });

  it('asks for the notifications permission only when the reader switches notifications on', async () => {
    const { send } = fakeSend({ listFollows: () => [] });
    const granted = permission(false, true);
    render(<FollowPanel active send={send} permission={granted} now={() => NOW} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Notify me of new coverage' });
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    expect(granted.request).not.toHaveBeenCalled();
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect(granted.request).toHaveBeenCalledTimes(1);
  });

  it('stays off and says so when the reader refuses the permission', async () => {
    const { send } = fakeSend({ listFollows: () => [] });
    const refused = permission(false, false);
    render(<FollowPanel active send={send} permission={refused} now={() => NOW} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Notify me of new coverage' });
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.click(box);
    expect((await screen.findByText('Notifications were not allowed.')).textContent).toBeTruthy();
    expect(box.checked).toBe(false);
  });
});
