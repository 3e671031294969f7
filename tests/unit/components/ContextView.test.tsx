// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextView, type ContextViewProps } from '@/components/ContextView';
import { emptyRelatedText } from '@/components/RelatedSection';
import { makeArticle, makeContext, makeProvider } from './fixtures';

afterEach(cleanup);

const NOW = Date.parse('2025-11-28T11:00:00Z');
const view = (overrides: Partial<ContextViewProps> = {}) =>
  render(<ContextView article={makeArticle()} context={makeContext()} isFinal isOnline now={NOW} locale="en-GB" {...overrides} />);
const region = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('ContextView', () => {
  it('shows the article, then summary, names, same story, background, timeline, source and sources line', () => {
    view();
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
    expect(within(region('From the article')).getAllByRole('listitem')).toHaveLength(3);
    expect(within(region('Who and where')).getByRole('button', { name: 'Ana Souza' })).toBeTruthy();
    expect(within(region('Same story')).getByRole('heading').textContent).toBe('Same story · 3 outlets');
    expect(within(region('Same story')).getByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
    expect(within(region('Background')).getByRole('link', { name: 'Bridge closes for two years' })).toBeTruthy();
    expect(within(region('Timeline')).getAllByRole('listitem')).toHaveLength(2);
    expect(region('Source').textContent).toContain('example-news.com');
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe('Google News 12 · GDELT 4');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['From the article', 'Who and where', 'Same story · 3 outlets', 'Background', 'Timeline', 'Source']);
  });

  it('is busy until no more updates will come', () => {
    const { container, rerender } = view({ isFinal: false });
    expect(container.firstElementChild?.getAttribute('aria-busy')).toBe('true');
    rerender(<ContextView article={makeArticle()} context={makeContext()} isFinal isOnline now={NOW} />);
    expect(container.firstElementChild?.getAttribute('aria-busy')).toBe('false');
  });

  it('opens an explainer from a name chip', () => {
    view();
    fireEvent.click(screen.getByRole('button', { name: 'Ana Souza' }));
    expect(screen.getByRole('group', { name: 'About Ana Souza' }).textContent).toContain('Brazilian engineer');
  });

  it('shows the excerpt only until a summary replaces it', () => {
    const { rerender } = view({ context: null, isFinal: false });
    expect(screen.getByText('The crossing carries 60,000 vehicles a day.')).toBeTruthy();
    rerender(<ContextView article={makeArticle()} context={makeContext()} isFinal isOnline now={NOW} />);
    expect(screen.queryByText('The crossing carries 60,000 vehicles a day.')).toBeNull();
  });

  it('before the first answer: the article and skeletons', () => {
    view({ context: null, isFinal: false });
    expect(screen.getByRole('heading', { level: 2 })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Reading the article…');
    expect(screen.queryByRole('region', { name: /^Same story/ })).toBeNull();
  });

  it('while sources are still answering with nothing yet: a skeleton under "Same story"', () => {
    const context = makeContext({ related: { sameStory: [], background: [] }, complete: false, providers: [makeProvider({ state: 'pending', count: 0 })] });
    view({ context, isFinal: false });
    expect(within(region('Same story')).getByRole('status').textContent).toBe('Looking for other coverage…');
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe('Google News searching…');
  });

  it('complete without coverage: "No other coverage found yet."', () => {
    view({ context: makeContext({ related: { sameStory: [], background: [] }, providers: [makeProvider({ state: 'empty', count: 0 })] }) });
    expect(region('Same story').textContent).toContain('No other coverage found yet.');
    expect(screen.queryByRole('region', { name: 'Background' })).toBeNull();
  });

  it('an error instead of context: an alert, the article stays', () => {
    view({ context: null, isFinal: true, error: 'no answer to getContext' });
    expect(screen.getByRole('alert').textContent).toContain('Context unavailable');
    expect(screen.getByRole('heading', { level: 2 })).toBeTruthy();
  });
});

describe('emptyRelatedText', () => {
  const empty = (providers = [makeProvider({ state: 'empty', count: 0 })]) =>
    makeContext({ related: { sameStory: [], background: [] }, providers });

  it('tells offline, failing, switched-off and empty apart, and waits while not final', () => {
    expect(emptyRelatedText(empty(), false, true)).toBeNull();
    expect(emptyRelatedText(empty(), true, true)).toBe('No other coverage found yet.');
    expect(emptyRelatedText(empty(), false, false)).toMatch(/offline/);
    expect(emptyRelatedText(empty([makeProvider({ state: 'offline' }), makeProvider({ id: 'b', state: 'off' })]), true, true)).toMatch(/offline/);
    expect(emptyRelatedText(empty([makeProvider({ state: 'error' }), makeProvider({ id: 'b', state: 'rate-limited' })]), true, true)).toBe(
      "The news sources didn't answer. Try again later.",
    );
    expect(emptyRelatedText(empty([makeProvider({ state: 'off' })]), true, true)).toBe('All news sources are switched off.');
  });
});
