// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedList } from '@/components/FeedList';
import { SiteList } from '@/components/SiteList';
import { SourceSwitches } from '@/components/SourceSwitches';
import { SidebarModeField } from '@/components/SidebarModeField';

afterEach(cleanup);
const T = Date.parse('2026-11-28T14:05:00Z');

describe('SourceSwitches', () => {
  it('labels each switch with the source, tells its last status, and reports toggles', () => {
    const onToggle = vi.fn();
    render(
      <SourceSwitches
        locale="en-GB"
        onToggle={onToggle}
        sources={[
          { id: 'gdelt', name: 'GDELT', detail: 'Worldwide', isOn: true, status: { state: 'rate-limited', at: T, message: 'HTTP 429' } },
          { id: 'bing-news', name: 'Bing News', detail: 'More', isOn: false, status: null },
        ]}
      />,
    );
    const gdelt = screen.getByRole('checkbox', { name: /GDELT/ }) as HTMLInputElement;
    expect(gdelt.checked).toBe(true);
    expect(gdelt.getAttribute('aria-describedby')).toBe('bs-source-status-gdelt');
    expect(document.getElementById('bs-source-status-gdelt')!.textContent).toMatch(/^Last: rate-limited \(HTTP 429\) · 28 Nov 2026/);
    expect(document.getElementById('bs-source-status-bing-news')!.textContent).toBe('Not used yet');
    fireEvent.click(gdelt);
    expect(onToggle).toHaveBeenCalledWith('gdelt', false);
    fireEvent.click(screen.getByRole('checkbox', { name: /Bing News/ }));
    expect(onToggle).toHaveBeenLastCalledWith('bing-news', true);
  });
});

describe('FeedList', () => {
  it('lists feeds with item counts or their error', () => {
    render(
      <FeedList
        locale="en-GB"
        onAdd={vi.fn()}
        onRemove={vi.fn()}
        feeds={[
          { url: 'https://a.example/rss', status: { state: 'ok', items: 12, at: T } },
          { url: 'https://b.example/rss', status: { state: 'error', items: 0, at: T, message: 'HTTP 404' } },
          { url: 'https://c.example/rss', status: null },
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Your feeds' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^https:\/\/a\.example\/rss12 items · fetched 28 Nov 2026/),
      expect.stringMatching(/^https:\/\/b\.example\/rssError: HTTP 404 · 28 Nov 2026/),
      expect.stringMatching(/^https:\/\/c\.example\/rssNot fetched yet/),
    ]);
  });

  it('shows the reason a feed was refused and keeps the address; clears it once added', async () => {
    const onAdd = vi.fn<(url: string) => Promise<string | null>>().mockResolvedValueOnce('Not a feed: this is a web page').mockResolvedValueOnce(null);
    render(<FeedList feeds={[]} onAdd={onAdd} onRemove={vi.fn()} />);
    const input = screen.getByRole('textbox', { name: 'Feed address (RSS, Atom or JSON Feed)' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: ' https://a.example/ ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add feed' }));
    await screen.findByRole('alert');
    expect(onAdd).toHaveBeenCalledWith('https://a.example/');
    expect(screen.getByRole('alert').textContent).toBe('Not a feed: this is a web page');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe(' https://a.example/ ');

    fireEvent.click(screen.getByRole('button', { name: 'Add feed' }));
    await waitFor(() => expect(input.value).toBe(''));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SiteList', () => {
  it('adds through the form, shows a refusal, and removes with a labelled button', async () => {
    const onAdd = vi.fn((site: string) => (site === 'bad site' ? 'That is not a site name.' : null));
    const onRemove = vi.fn();
    render(<SiteList label="Excluded sites" addLabel="Exclude a site" sites={['example.com']} emptyText="None." onAdd={onAdd} onRemove={onRemove} />);
    const input = screen.getByRole('textbox', { name: 'Exclude a site' });
    fireEvent.input(input, { target: { value: 'bad site' } });
    fireEvent.submit(input.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('That is not a site name.');
    fireEvent.input(input, { target: { value: 'news.example.org' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(onAdd).toHaveBeenLastCalledWith('news.example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    expect(onRemove).toHaveBeenCalledWith('example.com');
  });
});

describe('SidebarModeField', () => {
  it('is a labelled radio group reporting the chosen mode', () => {
    const onChange = vi.fn();
    render(<SidebarModeField value="collapsed" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'When you read an article' });
    expect((within(group).getByRole('radio', { name: /A small tab/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: /^Off/ }));
    expect(onChange).toHaveBeenCalledWith('off');
  });
});
