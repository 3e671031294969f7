// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { sendMessage } from '@/utils/messaging';
import { getSettings, providerStatusItem, updateSettings } from '@/utils/settings';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn() }));
const sendMessageMock = vi.mocked(sendMessage);

beforeEach(() => {
  sendMessageMock.mockReset();
});
afterEach(cleanup);

describe('options App', () => {
  it('shows the welcome on first run only', async () => {
    render(<App search="?welcome=1" />);
    await screen.findByRole('heading', { name: 'Welcome to Backstory' });
    cleanup();
    render(<App search="" />);
    await screen.findByRole('heading', { name: 'Backstory settings' });
    expect(screen.queryByRole('heading', { name: 'Welcome to Backstory' })).toBeNull();
  });

  it('switches a source off in the stored settings and shows the stored last status', async () => {
    await providerStatusItem.setValue({ gdelt: { state: 'error', at: Date.parse('2026-11-28T10:00:00Z'), message: 'HTTP 500' } });
    render(<App search="" />);
    const gdelt = (await screen.findByRole('checkbox', { name: /^GDELT/ })) as HTMLInputElement;
    expect(document.getElementById('bs-source-status-gdelt')!.textContent).toMatch(/^Last: error \(HTTP 500\)/);
    fireEvent.click(gdelt);
    await waitFor(async () => expect((await getSettings()).providers.gdelt).toBe(false));
    expect((await getSettings()).providers['google-news']).toBe(true);
  });

  it('follows settings changed elsewhere (the sidebar’s "Hide on this site")', async () => {
    render(<App search="" />);
    await screen.findByRole('heading', { name: 'Backstory settings' });
    await updateSettings({ sidebarHiddenSites: ['example.com'] });
    await screen.findByRole('list', { name: 'Sites without the sidebar' });
    expect(screen.getByRole('button', { name: 'Remove example.com' })).toBeTruthy();
  });

  it('adds a feed only after the background checked it; a refusal adds nothing and says why', async () => {
    sendMessageMock.mockRejectedValueOnce(new Error('Not a feed: this is a web page, not a feed'));
    sendMessageMock.mockResolvedValueOnce({ url: 'https://a.example/rss', title: 'A', format: 'rss', items: 3 });
    render(<App search="" />);
    const input = await screen.findByRole('textbox', { name: /Feed address/ });
    fireEvent.input(input, { target: { value: 'https://a.example/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add feed' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not a feed: this is a web page, not a feed');
    expect((await getSettings()).feeds).toEqual([]);

    fireEvent.input(input, { target: { value: 'https://a.example/rss' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add feed' }));
    await screen.findByRole('list', { name: 'Your feeds' });
    expect(sendMessageMock).toHaveBeenLastCalledWith('validateFeed', { url: 'https://a.example/rss' });
    expect((await getSettings()).feeds).toEqual(['https://a.example/rss']);
  });

  it('excludes a normalised site and refuses what is not a site name', async () => {
    render(<App search="" />);
    const input = await screen.findByRole('textbox', { name: 'Exclude a site' });
    fireEvent.input(input, { target: { value: 'not a site!' } });
    fireEvent.submit(input.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a site name/);
    fireEvent.input(input, { target: { value: 'https://www.Example.com/news' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await getSettings()).excludedSites).toEqual(['example.com']));
  });

  it('sets sidebar mode, region and retention', async () => {
    render(<App search="" />);
    fireEvent.click(await screen.findByRole('radio', { name: /^Open/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'GB' } });
    await waitFor(async () => expect(await getSettings()).toMatchObject({ sidebarMode: 'open', region: 'GB' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Keep reading history' }), { target: { value: '90' } });
    await waitFor(async () => expect((await getSettings()).retentionDays).toBe(90));
  });
});
