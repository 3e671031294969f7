// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryList } from '@/components/HistoryList';
import { formatMoment } from '@/components/format';
import { makeEntry } from './fixtures';

afterEach(cleanup);

const newer = makeEntry({
  canonicalUrl: 'https://news.test/b',
  url: 'https://news.test/b?ref=home',
  title: 'Second story',
  siteName: 'News Test',
  visits: [Date.UTC(2025, 10, 27), Date.UTC(2025, 10, 28, 14, 5)],
  lastVisitedAt: Date.UTC(2025, 10, 28, 14, 5),
});
const older = makeEntry({
  canonicalUrl: 'https://other.test/a',
  url: 'https://other.test/a',
  title: 'First story',
  siteName: null,
  site: 'other.test',
  lastVisitedAt: Date.UTC(2025, 10, 20, 8, 0),
});

describe('HistoryList', () => {
  it('lists entries in the given order, each with a safe link', () => {
    render(<HistoryList entries={[newer, older]} locale="en-US" />);
    const list = screen.getByRole('list', { name: 'Reading history' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const link = within(items[0]!).getByRole('link', { name: 'Second story' });
    expect(link.getAttribute('href')).toBe('https://news.test/b?ref=home');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(items[1]!).getByRole('link', { name: 'First story' })).toBeTruthy();
  });

  it('shows outlet (or site), last visit and "N visits" only when N > 1', () => {
    render(<HistoryList entries={[newer, older]} locale="en-US" />);
    const [first, second] = screen.getAllByRole('listitem');
    expect(within(first!).getByText('News Test')).toBeTruthy();
    expect(within(first!).getByText('2 visits')).toBeTruthy();
    const time = within(first!).getByText(formatMoment(newer.lastVisitedAt, 'en-US'));
    expect(time.getAttribute('datetime')).toBe('2025-11-28T14:05:00.000Z');
    expect(within(second!).getByText('other.test')).toBeTruthy();
    expect(within(second!).queryByText(/visits/)).toBeNull();
  });

  it('never links to a non-http URL', () => {
    render(<HistoryList entries={[makeEntry({ url: 'javascript:alert(1)', title: 'Sneaky' })]} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Sneaky')).toBeTruthy();
  });

  it('shows an empty state when nothing was read yet', () => {
    render(<HistoryList entries={[]} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('No articles yet…')).toBeTruthy();
  });
});
