import { describe, expect, it, vi } from 'vitest';
import { createSidebarGate, type SidebarTarget } from '@/entrypoints/article.content/sidebar-mode';
import { makeArticle } from '../components/fixtures';

function setup(url = 'https://news.example.com/story') {
  const target = { show: vi.fn<SidebarTarget['show']>(), hide: vi.fn<SidebarTarget['hide']>() };
  return { target, gate: createSidebarGate(target, { url: () => url }) };
}

const article = makeArticle();

describe('sidebar gate', () => {
  it('shows nothing until the settings are known, then the collapsed tab by default', () => {
    const { target, gate } = setup();
    gate.show(article);
    expect(target.show).not.toHaveBeenCalled();
    gate.setSettings({ sidebarMode: 'collapsed', sidebarHiddenSites: [] });
    expect(target.show).toHaveBeenLastCalledWith(article, { startExpanded: false, toggles: 0 });
  });

  it('mode open starts expanded; mode off and a hidden site show no sidebar', () => {
    const { target, gate } = setup();
    gate.setSettings({ sidebarMode: 'open', sidebarHiddenSites: [] });
    gate.show(article);
    expect(target.show).toHaveBeenLastCalledWith(article, { startExpanded: true, toggles: 0 });

    const off = setup();
    off.gate.setSettings({ sidebarMode: 'off', sidebarHiddenSites: [] });
    off.gate.show(article);
    const hidden = setup();
    hidden.gate.setSettings({ sidebarMode: 'collapsed', sidebarHiddenSites: ['example.com'] });
    hidden.gate.show(article);
    expect(off.target.show).not.toHaveBeenCalled();
    expect(hidden.target.show).not.toHaveBeenCalled();
  });

  it('applies setting changes live: removes the sidebar when switched off or hidden here, brings it back', () => {
    const { target, gate } = setup();
    gate.setSettings({ sidebarMode: 'collapsed', sidebarHiddenSites: [] });
    gate.show(article);
    gate.setSettings({ sidebarMode: 'collapsed', sidebarHiddenSites: ['news.example.com'] });
    expect(target.hide).toHaveBeenCalledOnce();
    gate.setSettings({ sidebarMode: 'off', sidebarHiddenSites: [] });
    expect(target.hide).toHaveBeenCalledOnce(); // already hidden
    gate.setSettings({ sidebarMode: 'open', sidebarHiddenSites: [] });
    expect(target.show).toHaveBeenLastCalledWith(article, { startExpanded: true, toggles: 0 });
  });

  it('the keyboard command flips a shown sidebar, and shows a hidden one expanded for this page', () => {
    const { target, gate } = setup();
    expect(gate.toggle()).toBe(false); // no article, no settings
    gate.setSettings({ sidebarMode: 'collapsed', sidebarHiddenSites: [] });
    gate.show(article);
    expect(gate.toggle()).toBe(true);
    expect(target.show).toHaveBeenLastCalledWith(article, { startExpanded: false, toggles: 1 });

    const off = setup();
    off.gate.setSettings({ sidebarMode: 'off', sidebarHiddenSites: [] });
    off.gate.show(article);
    expect(off.gate.toggle()).toBe(true);
    expect(off.target.show).toHaveBeenLastCalledWith(article, { startExpanded: true, toggles: 0 });
    off.gate.hide(); // the page is no longer an article
    expect(off.target.hide).toHaveBeenCalledOnce();
    off.gate.show(makeArticle({ title: 'Another' }));
    expect(off.target.show).toHaveBeenCalledTimes(1);
  });
});
