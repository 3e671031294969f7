import { describe, expect, it, vi } from 'vitest';
import { lazySidebar } from '@/entrypoints/article.content/lazy-sidebar';
import type { SidebarTarget } from '@/entrypoints/article.content/sidebar-mode';
import { makeArticle } from '../components/fixtures';

function setup() {
  const target = { show: vi.fn<SidebarTarget['show']>(), hide: vi.fn<SidebarTarget['hide']>() };
  const load = vi.fn(() => Promise.resolve(target));
  return { target, load, sidebar: lazySidebar(load) };
}

const first = makeArticle({ title: 'First' });
const second = makeArticle({ title: 'Second' });

describe('lazy sidebar (the sidebar code loads with the first article)', () => {
  it('loads nothing until shown, then loads once and shows', async () => {
    const { target, load, sidebar } = setup();
    sidebar.hide();
    expect(load).not.toHaveBeenCalled();
    sidebar.show(first, { startExpanded: true, toggles: 0 });
    sidebar.show(second);
    await Promise.resolve();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
    // Calls made while loading settle to the latest one.
    expect(target.show.mock.calls).toEqual([[second, undefined]]);
    sidebar.hide();
    sidebar.show(first);
    expect(target.hide).toHaveBeenCalledTimes(1);
    expect(target.show).toHaveBeenLastCalledWith(first, undefined);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a hide while loading cancels the show; a failed load shows nothing and throws nothing', async () => {
    const { target, load, sidebar } = setup();
    sidebar.show(first);
    sidebar.hide();
    await load.mock.results[0]!.value;
    await Promise.resolve();
    expect(target.show).not.toHaveBeenCalled();

    const failing = lazySidebar(() => Promise.reject(new Error('context invalidated')));
    expect(() => failing.show(first)).not.toThrow();
    await Promise.resolve();
  });
});
