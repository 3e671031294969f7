// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryList, countOutlets } from '@/components/StoryList';
import { makeStory } from './fixtures';
import { DATA_URL, IMG, JS_URL, LONG, SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

const NOW = Date.parse('2025-11-28T11:00:00Z');

describe('StoryList', () => {
  it('titles the list "Same story · N outlets", counting outlets merged into items', () => {
    const stories = [
      makeStory({ alsoIn: [{ source: 'Wire', url: 'https://wire.test/a' }, { source: 'Gazette', url: 'https://gazette.test/a' }] }),
      makeStory({ url: 'https://coast-herald.test/other' }),
      makeStory({ url: 'https://metro.test/b', source: 'Metro', domain: 'metro.test' }),
    ];
    expect(countOutlets(stories)).toBe(4);
    render(<StoryList title="Same story" stories={stories} isCountingOutlets now={NOW} />);
    expect(screen.getByRole('heading', { name: 'Same story · 4 outlets' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Same story' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows each item: title link in a new tab, outlet, relative time, reasons and "also in"', () => {
    const story = makeStory({ alsoIn: [{ source: 'Wire', url: 'https://wire.test/a' }, { source: 'Gazette', url: 'https://gazette.test/a' }] });
    render(<StoryList title="Same story" stories={[story]} isCountingOutlets now={NOW} locale="en-GB" />);
    expect(screen.getByRole('heading').textContent).toBe('Same story · 3 outlets');
    const item = screen.getByRole('listitem');
    const link = within(item).getByRole('link', { name: 'Harbour bridge open again after repairs' });
    expect(link.getAttribute('href')).toBe('https://coast-herald.test/news/bridge-open');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(item.textContent).toContain('Coast Herald');
    expect(item.querySelector('time')?.textContent).toBe('3 h ago');
    expect(item.querySelector('time')?.getAttribute('dateTime')).toBe('2025-11-28T08:00:00Z');
    expect(item.textContent).toContain('Shares: Harbour Bridge · 1 h earlier');
    expect(item.textContent).toContain('also in: Wire, Gazette');
  });

  it('limits the list to max items, says so when empty, and renders nothing when empty without a text', () => {
    const stories = Array.from({ length: 8 }, (_, i) => makeStory({ url: `https://x.test/${i}` }));
    render(<StoryList title="Background" stories={stories} max={5} now={NOW} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByRole('heading').textContent).toBe('Background');
    cleanup();
    render(<StoryList title="Same story" stories={[]} emptyText="No other coverage found yet." now={NOW} />);
    expect(screen.getByRole('region', { name: 'Same story' }).textContent).toContain('No other coverage found yet.');
    cleanup();
    const { container } = render(<StoryList title="Background" stories={[]} now={NOW} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('renders hostile titles, outlets and reasons as text and links only http(s) URLs', () => {
    const stories = [
      makeStory({ title: SCRIPT, url: JS_URL, source: IMG, reasons: [IMG], alsoIn: [{ source: SCRIPT, url: DATA_URL }] }),
      makeStory({ title: LONG, url: DATA_URL }),
      makeStory({ title: IMG, url: 'https://ok.test/a', publishedAt: 'not a date' }),
    ];
    const { container } = render(<StoryList title="Same story" stories={stories} now={NOW} />);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).queryByRole('link')).toBeNull();
    expect(items[0]!.textContent).toContain(SCRIPT);
    expect(items[0]!.textContent).toContain(`also in: ${SCRIPT}`);
    // A 5,000-character title is cut to a readable length.
    expect(items[1]!.textContent!.length).toBeLessThan(400);
    expect(items[1]!.textContent).toContain('A…');
    expect(within(items[2]!).getByRole('link').textContent).toBe(IMG);
    expect(items[2]!.querySelector('time')).toBeNull();
    expectInert(container);
  });
});
