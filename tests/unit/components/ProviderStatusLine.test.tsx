// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderStatusLine } from '@/components/ProviderStatusLine';
import { makeProvider } from './fixtures';
import { SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

describe('ProviderStatusLine', () => {
  it('says in one line how each source answered', () => {
    render(
      <ProviderStatusLine
        providers={[
          makeProvider({ count: 12 }),
          makeProvider({ id: 'gdelt', name: 'GDELT', state: 'rate-limited', count: 0, retryAt: 1 }),
          makeProvider({ id: 'bing-news', name: 'Bing', state: 'offline', count: 0 }),
        ]}
      />,
    );
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe(
      'Google News 12 · GDELT rate-limited, retrying · Bing offline',
    );
  });

  it('covers every state; switched-off sources are left out', () => {
    render(
      <ProviderStatusLine
        providers={[
          makeProvider({ state: 'pending', count: 0 }),
          makeProvider({ id: 'gdelt', name: 'GDELT', state: 'empty', count: 0 }),
          makeProvider({ id: 'bing-news', name: 'Bing', state: 'error', count: 0, message: 'HTTP 500' }),
          makeProvider({ id: 'x', name: 'X', state: 'error', count: 0 }),
          makeProvider({ id: 'y', name: 'Y', state: 'error', count: 0, message: 'GDELT: malformed JSON ("{ "articles": [ { "url": "h…")' }),
          makeProvider({ id: 'off', name: 'Off', state: 'off', count: 0 }),
        ]}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Google News searching… · GDELT no results · Bing failed (HTTP 500) · X failed · Y failed');
  });

  it('tells a timeout apart from being offline (#7 fault matrix: a provider that never answers)', () => {
    render(
      <ProviderStatusLine
        providers={[
          makeProvider({ state: 'offline', count: 0, message: 'timed out after 4 s' }),
          makeProvider({ id: 'bing-news', name: 'Bing News', state: 'offline', count: 0, message: 'network error: Failed to fetch' }),
        ]}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Google News timed out · Bing News offline');
  });

  it('renders nothing when every source is off, and hostile names and messages as text', () => {
    const { container } = render(<ProviderStatusLine providers={[makeProvider({ state: 'off' })]} />);
    expect(container.childNodes).toHaveLength(0);
    cleanup();
    const hostile = render(<ProviderStatusLine providers={[makeProvider({ name: SCRIPT, state: 'error', message: '<b onclick=x>500</b>' })]} />);
    expect(screen.getByRole('status').textContent).toBe(`${SCRIPT} failed (<b onclick=x>500</b>)`);
    expectInert(hostile.container);
  });

  // The popup used to end its line with "Your history 0" on every first read of a story.
  it('leaves out your own history when it has nothing on the story, and names it when it has', () => {
    const history = (state: 'empty' | 'ok', count: number) => makeProvider({ id: 'history', name: 'Your history', state, count });
    render(<ProviderStatusLine providers={[makeProvider({ count: 4 }), history('empty', 0)]} />);
    expect(screen.getByRole('status').textContent).toBe('Google News 4');
    cleanup();
    render(<ProviderStatusLine providers={[makeProvider({ count: 4 }), history('ok', 2)]} />);
    expect(screen.getByRole('status').textContent).toBe('Google News 4 · Your history 2');
  });
});
