// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/article.content/App';
import { sendMessage } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn() }));

beforeEach(() => {
  vi.mocked(sendMessage).mockResolvedValue(makeContext());
});
afterEach(cleanup);

const tab = () => screen.getByRole('button', { name: /^Backstory/ });

describe('sidebar App and the sidebar settings', () => {
  it('starts expanded in mode open, and follows a mode change', () => {
    const article = makeArticle();
    const { rerender } = render(<App article={article} startExpanded />);
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    rerender(<App article={article} startExpanded={false} />);
    expect(tab().getAttribute('aria-expanded')).toBe('false');
  });

  it('flips on each keyboard toggle, not on the first render', () => {
    const article = makeArticle();
    const { rerender } = render(<App article={article} toggles={3} />);
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    rerender(<App article={article} toggles={4} />);
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    rerender(<App article={article} toggles={5} />);
    expect(tab().getAttribute('aria-expanded')).toBe('false');
  });

  it('offers "Hide on this site" in the panel', () => {
    const onHideOnSite = vi.fn();
    render(<App article={makeArticle()} startExpanded onHideOnSite={onHideOnSite} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide on this site' }));
    expect(onHideOnSite).toHaveBeenCalledOnce();
  });
});
