// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceCard } from '@/components/SourceCard';
import { makeExplainer } from './fixtures';
import { IMG, SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

describe('SourceCard', () => {
  it('names the outlet with its domain, country and language', () => {
    render(<SourceCard source={{ name: 'Example News', domain: 'example-news.com', country: 'GB', lang: 'en' }} locale="en" />);
    const region = screen.getByRole('region', { name: 'Source' });
    expect(region.textContent).toContain('Example News');
    expect(region.textContent).toContain('example-news.com · United Kingdom · English');
    expect(within(region).queryByRole('group')).toBeNull();
  });

  it("shows the outlet's explainer, but not a not-found one", () => {
    const explainer = makeExplainer({ name: 'Example News', type: 'outlet', title: 'Example News', description: 'British newspaper' });
    const { rerender } = render(<SourceCard source={{ name: 'Example News', domain: 'example-news.com', explainer }} />);
    const card = screen.getByRole('group', { name: 'About Example News' });
    expect(card.textContent).toContain('British newspaper');
    rerender(<SourceCard source={{ name: 'Example News', domain: 'example-news.com', explainer: { ...explainer, state: 'not-found' } }} />);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('falls back to the domain for a nameless outlet and renders hostile text as text', () => {
    const { container, rerender } = render(<SourceCard source={{ name: '', domain: 'n.test', country: null, lang: null }} />);
    expect(container.querySelector('.bs-source__name')?.textContent).toBe('n.test');
    rerender(<SourceCard source={{ name: SCRIPT, domain: IMG, country: 'ZZZZ', lang: IMG }} />);
    expect(container.textContent).toContain(SCRIPT);
    expectInert(container);
  });
});
