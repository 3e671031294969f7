// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/article.content/App';
import { makeArticle } from '../components/fixtures';

afterEach(cleanup);

const tab = () => screen.getByRole('button', { name: 'Backstory' });

describe('sidebar App', () => {
  it('starts collapsed, expands on click, collapses with Esc', () => {
    render(<App article={makeArticle()} />);
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('complementary')).toBeNull();

    fireEvent.click(tab());
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();

    fireEvent.keyDown(screen.getByRole('complementary'), { key: 'Escape' });
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('collapses with the close button and with a second click on the tab', () => {
    render(<App article={makeArticle()} />);
    fireEvent.click(tab());
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Backstory' }));
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(tab());
    fireEvent.click(tab());
    expect(tab().getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the new article when the page navigates in place, staying open', () => {
    const { rerender } = render(<App article={makeArticle()} />);
    fireEvent.click(tab());
    rerender(<App article={makeArticle({ title: 'Next story' })} />);
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Next story' })).toBeTruthy();
  });
});
