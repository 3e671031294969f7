// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryReadEarlier, READ_EARLIER_MAX } from '@/components/HistoryReadEarlier';
import type { TimelineItem } from '@/utils/context/types';

afterEach(cleanup);

const item = (n: number, overrides: Partial<TimelineItem> = {}): TimelineItem => ({
  title: `Story ${n}`,
  url: `https://news.test/${n}`,
  source: 'News Test',
  publishedAt: null,
  kind: 'history',
  ...overrides,
});

describe('HistoryReadEarlier', () => {
  it('lists the earlier reads, last read first, with links, leaving out this article and unread items', () => {
    render(
      <HistoryReadEarlier
        locale="en-GB"
        items={[
          item(0, { kind: 'this', readAt: Date.UTC(2025, 5, 9) }),
          item(1, { readAt: Date.UTC(2025, 5, 1) }),
          item(2, { kind: 'background' }),
          item(3, { kind: 'same-story', readAt: Date.UTC(2025, 5, 3) }),
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'You read earlier' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Story 3', 'Story 1']);
    expect(rows[0]!.textContent).toContain('read on 3 Jun');
    expect(within(rows[1]!).getByRole('link').getAttribute('href')).toBe('https://news.test/1');
  });

  it(`shows at most ${READ_EARLIER_MAX}, and nothing when nothing was read`, () => {
    const { container, rerender } = render(<HistoryReadEarlier items={[item(1), item(2, { kind: 'this', readAt: 5 })]} />);
    expect(container.childElementCount).toBe(0);
    rerender(<HistoryReadEarlier items={Array.from({ length: 8 }, (_, i) => item(i, { readAt: i }))} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(READ_EARLIER_MAX);
  });

  it('never links to a non-http URL', () => {
    render(<HistoryReadEarlier items={[item(1, { url: 'javascript:alert(1)', readAt: 1 })]} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Story 1')).toBeTruthy();
  });
});
