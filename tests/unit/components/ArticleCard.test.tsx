// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleCard } from '@/components/ArticleCard';
import { makeArticle } from './fixtures';

afterEach(cleanup);

describe('ArticleCard', () => {
  it('shows title as a heading, outlet, byline, date and reading time', () => {
    render(<ArticleCard article={makeArticle()} locale="en-US" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
    expect(screen.getByText('Example News')).toBeTruthy();
    expect(screen.getByText('By Ana Souza and Lee Park')).toBeTruthy();
    expect(screen.getByText('4 min read')).toBeTruthy();
    const time = screen.getByText('Nov 28, 2025');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2025-11-28T09:30:00Z');
  });

  it('falls back to the host name when the outlet is unknown, and omits what is missing', () => {
    const { container } = render(
      <ArticleCard article={makeArticle({ siteName: null, byline: null, publishedAt: null, excerpt: '' })} />,
    );
    expect(screen.getByText('example-news.com')).toBeTruthy();
    expect(screen.queryByText(/^By /)).toBeNull();
    expect(container.querySelector('time')).toBeNull();
  });

  it('renders markup in the title as text', () => {
    const { container } = render(<ArticleCard article={makeArticle({ title: '<img src=x onerror=alert(1)>' })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('can use a level-3 heading', () => {
    render(<ArticleCard article={makeArticle()} headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3 })).toBeTruthy();
  });

  it('leaves the excerpt out when asked to', () => {
    const { rerender } = render(<ArticleCard article={makeArticle()} />);
    expect(screen.getByText('The crossing carries 60,000 vehicles a day.')).toBeTruthy();
    rerender(<ArticleCard article={makeArticle()} isExcerptShown={false} />);
    expect(screen.queryByText('The crossing carries 60,000 vehicles a day.')).toBeNull();
  });
});
