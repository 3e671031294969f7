// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/article.content/App';
import { sendMessage } from '@/utils/messaging';
import { makeArticle, makeContext, makeStory } from '../components/fixtures';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn() }));
const sendMessageMock = vi.mocked(sendMessage);

beforeEach(() => {
  sendMessageMock.mockResolvedValue(makeContext());
});
afterEach(cleanup);

const tab = () => screen.getByRole('button', { name: /^Backstory/ });

describe('sidebar App', () => {
  it('starts collapsed, expands on click, collapses with Esc', async () => {
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

  it('asks the background for the context itself and shows the count on the collapsed tab', async () => {
    const article = makeArticle();
    render(<App article={article} />);
    await vi.waitFor(() => expect(tab().textContent).toBe('Backstory · 2 related stories'));
    expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article });
  });

  it('expanded: the top same-story items (at most 4), no excerpt, and the key names as chips', async () => {
    const sameStory = Array.from({ length: 7 }, (_, i) => makeStory({ title: `Story ${i}`, url: `https://n${i}.test/a`, domain: `n${i}.test` }));
    sendMessageMock.mockResolvedValue(makeContext({ related: { sameStory, background: [] } }));
    render(<App article={makeArticle()} />);
    await vi.waitFor(() => expect(tab().textContent).toContain('· 7'));
    fireEvent.click(tab());
    const panel = screen.getByRole('complementary', { name: 'Backstory' });
    const same = within(panel).getByRole('list', { name: 'Same story' });
    expect(within(same).getAllByRole('link').map((a) => a.textContent)).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3']);
    expect(panel.textContent).not.toContain('The crossing carries 60,000 vehicles a day.');
    fireEvent.click(within(panel).getByRole('button', { name: 'Ana Souza' }));
    expect(within(panel).getByRole('group', { name: 'About Ana Souza' }).textContent).toContain('Brazilian engineer');
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

  it('shows the new article when the page navigates in place, staying open, and asks for its context', async () => {
    const { rerender } = render(<App article={makeArticle()} />);
    fireEvent.click(tab());
    const next = makeArticle({ title: 'Next story', canonicalUrl: 'https://n.test/next' });
    rerender(<App article={next} />);
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Next story' })).toBeTruthy();
    await vi.waitFor(() => expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article: next }));
  });

  it('without an answer from the background: the tab has no count and the panel says the context is unavailable', async () => {
    sendMessageMock.mockRejectedValue(new Error('Extension context invalidated.'));
    render(<App article={makeArticle()} />);
    fireEvent.click(tab());
    expect((await screen.findByRole('alert')).textContent).toContain('Context unavailable');
    expect(tab().textContent).toBe('Backstory');
  });
});
