// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryPanel, SEARCH_LIMIT, toSearch } from '@/entrypoints/popup/HistoryPanel';
import { sendMessage } from '@/utils/messaging';
import { getSettings } from '@/utils/settings';
import { makeEntry } from '../components/fixtures';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

const flood = makeEntry({ canonicalUrl: 'https://a.test/flood', url: 'https://a.test/flood', title: 'Flood barrier closes', site: 'a.test' });
const strike = makeEntry({ canonicalUrl: 'https://b.test/strike', url: 'https://b.test/strike', title: 'Rail strike called off', site: 'b.test' });

function answer(replies: Record<string, (data: never) => unknown>) {
  send.mockImplementation((async (type: string, data: never) => {
    const reply = replies[type];
    if (!reply) throw new Error(`unexpected ${type}`);
    return reply(data);
  }) as typeof sendMessage);
}

beforeEach(() => answer({ searchHistory: () => [flood] }));
afterEach(cleanup);

const renderPanel = (reload = vi.fn()) => ({ reload, ...render(<HistoryPanel state={{ status: 'ready', entries: [flood, strike] }} reload={reload} />) });
const searchBox = () => screen.getByRole('searchbox', { name: 'Search your history' });

describe('HistoryPanel', () => {
  it('searches as the reader types, once typing pauses, and shows the matches', async () => {
    renderPanel();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.input(searchBox(), { target: { value: 'flo' } });
    fireEvent.input(searchBox(), { target: { value: 'flood' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('searchHistory', { query: 'flood', limit: SEARCH_LIMIT });
    expect(screen.getByRole('link', { name: 'Flood barrier closes' })).toBeTruthy();
  });

  it('says when nothing matches, and when the search fails', async () => {
    answer({ searchHistory: () => [] });
    renderPanel();
    fireEvent.input(searchBox(), { target: { value: 'zzz' } });
    expect(await screen.findByText('No matching articles')).toBeTruthy();
    answer({ searchHistory: () => Promise.reject(new Error('db closed')) });
    fireEvent.input(searchBox(), { target: { value: 'zzzz' } });
    expect((await screen.findByRole('alert')).textContent).toContain('db closed');
  });

  it('filters by site and by period', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(toSearch({ query: ' ', site: '', period: 'any', entity: '' }, now)).toBeNull();
    expect(toSearch({ query: '', site: 'a.test', period: 'week', entity: ' Jane ' }, now)).toEqual({
      query: '', site: 'a.test', entity: 'Jane', from: now - 7 * 86_400_000, limit: SEARCH_LIMIT,
    });
  });

  it('deletes an entry and undoes the deletion by importing it back', async () => {
    const removed = { ...flood, terms: ['flood'] };
    const imported = vi.fn(() => ({ added: 1, updated: 0 }));
    answer({ deleteHistoryEntry: () => removed, importHistory: imported });
    const { reload } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Flood barrier closes” from history' }));
    const toast = await screen.findByRole('status');
    expect(toast.textContent).toContain('Deleted “Flood barrier closes”');
    expect(send).toHaveBeenCalledWith('deleteHistoryEntry', { canonicalUrl: flood.canonicalUrl });
    expect(reload).toHaveBeenCalledOnce();
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored');
    const json = (send.mock.calls.find(([type]) => type === 'importHistory')![1] as { json: string }).json;
    expect(JSON.parse(json)).toMatchObject({ format: 'backstory-history', articles: [{ canonicalUrl: flood.canonicalUrl, terms: ['flood'] }] });
  });

  it('clears everything only after confirming in a dialog; Escape cancels', async () => {
    answer({ clearHistory: () => null });
    renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all…' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Clear your whole history?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Clear all…' }));
    dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared');
    expect(send).toHaveBeenCalledWith('clearHistory', {});
  });

  it('shows why an import was refused', async () => {
    answer({ importHistory: () => Promise.reject(new Error('This is not a Backstory history export.')) });
    const { container } = renderPanel();
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['{"format":"x"}'], 'x.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toBe('Import failed (nothing was changed): This is not a Backstory history export.×');
  });

  it('pauses and resumes recording through the settings', async () => {
    renderPanel();
    const pause = screen.getByRole('checkbox', { name: 'Pause recording' }) as HTMLInputElement;
    await waitFor(() => expect(pause.disabled).toBe(false));
    fireEvent.click(pause);
    await waitFor(async () => expect((await getSettings()).historyPaused).toBe(true));
    fireEvent.click(pause);
    await waitFor(async () => expect((await getSettings()).historyPaused).toBe(false));
  });
});
