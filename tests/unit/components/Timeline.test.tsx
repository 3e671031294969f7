// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline, sortTimeline } from '@/components/Timeline';
import type { TimelineItem } from '@/utils/context/types';
import { JS_URL, SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

const item = (overrides: Partial<TimelineItem>): TimelineItem => ({
  title: 'A story',
  url: 'https://n.test/a',
  source: 'N',
  publishedAt: '2025-03-01T10:00:00Z',
  kind: 'background',
  ...overrides,
});

const items: TimelineItem[] = [
  item({ title: 'Undated', publishedAt: null }),
  item({ title: 'This one', kind: 'this', url: 'https://me.test/this', publishedAt: '2025-03-14T07:30:00Z' }),
  item({ title: 'First', publishedAt: '2025-01-02T10:00:00Z', kind: 'history', readAt: Date.UTC(2025, 5, 3, 12) }),
  item({ title: 'After', publishedAt: '2025-03-15T10:00:00Z', kind: 'same-story' }),
];

describe('Timeline', () => {
  it('orders items by date, oldest first, undated last', () => {
    expect(sortTimeline(items).map((i) => i.title)).toEqual(['First', 'This one', 'After', 'Undated']);
    render(<Timeline items={items} locale="en-GB" />);
    const rows = within(screen.getByRole('region', { name: 'Timeline' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.bs-timeline__title')?.textContent)).toEqual(['First', 'This one', 'After', 'Undated']);
    expect(rows[3]!.textContent).toContain('Date unknown');
    expect(rows[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2025-01-02T10:00:00Z');
  });

  it('marks what the reader has read ("read on 3 Jun") and highlights the current article without linking it', () => {
    render(<Timeline items={items} locale="en-GB" />);
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('read on 3 Jun');
    expect(rows[2]!.textContent).not.toContain('read on');
    const current = rows.filter((row) => row.getAttribute('aria-current') === 'true');
    expect(current).toEqual([rows[1]]);
    expect(rows[1]!.textContent).toContain('This article');
    expect(within(rows[1]!).queryByRole('link')).toBeNull();
    const link = within(rows[0]!).getByRole('link', { name: 'First' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders nothing with fewer than two items (the article alone is no timeline)', () => {
    const { container } = render(<Timeline items={[items[1]!]} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('renders hostile titles as text and does not link javascript: URLs', () => {
    const { container } = render(<Timeline items={[item({ title: SCRIPT, url: JS_URL }), item({ title: 'ok' })]} />);
    expect(screen.getByText(SCRIPT).tagName).toBe('SPAN');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expectInert(container);
  });
});
