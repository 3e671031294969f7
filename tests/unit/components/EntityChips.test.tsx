// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityChips } from '@/components/EntityChips';
import { makeContext, makeExplainer } from './fixtures';
import { IMG, SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

const { entities } = makeContext().analysis;
const chip = (name: string) => screen.getByRole('button', { name });

describe('EntityChips', () => {
  it('groups the names as buttons under People, Places and Organisations', () => {
    render(<EntityChips entities={entities} explainers={[]} />);
    expect(within(screen.getByRole('list', { name: 'People' })).getByRole('button').textContent).toBe('Ana Souza');
    expect(within(screen.getByRole('list', { name: 'Places' })).getByRole('button').textContent).toBe('Lisbon');
    expect(within(screen.getByRole('list', { name: 'Organisations' })).getByRole('button').textContent).toBe('Port Authority');
    expect(screen.getAllByRole('button').every((b) => b.getAttribute('aria-expanded') === 'false')).toBe(true);
  });

  it('opens the explainer card of an activated chip, switches to another, and closes on a second activation', () => {
    render(<EntityChips entities={entities} explainers={[makeExplainer()]} />);
    expect(screen.queryByRole('group')).toBeNull();

    fireEvent.click(chip('Ana Souza'));
    expect(chip('Ana Souza').getAttribute('aria-expanded')).toBe('true');
    const card = screen.getByRole('group', { name: 'About Ana Souza' });
    expect(chip('Ana Souza').getAttribute('aria-controls')).toBe(card.id);
    expect(within(card).getByRole('link', { name: 'Read on Wikipedia' })).toBeTruthy();

    fireEvent.click(chip('Lisbon'));
    expect(chip('Ana Souza').getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('group', { name: 'About Lisbon' }).textContent).toContain('Looking up Lisbon');

    fireEvent.click(chip('Lisbon'));
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('is reachable by keyboard: chips are buttons in the Tab order', () => {
    render(<EntityChips entities={entities} explainers={[]} />);
    for (const button of screen.getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.tabIndex).toBe(0);
    }
  });

  it('shows at most maxPerType per kind, skips other kinds, and renders nothing without entities', () => {
    const many = ['A', 'B', 'C', 'D'].map((name) => ({ name, type: 'person' as const }));
    render(<EntityChips entities={[...many, { name: 'Thing', type: 'other' }]} explainers={[]} maxPerType={2} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['A', 'B']);
    cleanup();
    const { container } = render(<EntityChips entities={[{ name: 'Thing', type: 'other' }]} explainers={[]} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('renders hostile names as text', () => {
    const { container } = render(<EntityChips entities={[{ name: SCRIPT, type: 'person' }, { name: IMG, type: 'place' }]} explainers={[]} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([SCRIPT, IMG]);
    fireEvent.click(screen.getAllByRole('button')[1]!);
    expectInert(container);
  });

  it('tells a pending explainer from one that will not come once the context is final', () => {
    const { rerender } = render(<EntityChips entities={entities} explainers={[]} />);
    fireEvent.click(chip('Lisbon'));
    expect(screen.getByRole('group', { name: 'About Lisbon' }).textContent).toContain('Looking up Lisbon');
    rerender(<EntityChips entities={entities} explainers={[]} isFinal lang="pt" />);
    const card = screen.getByRole('group', { name: 'About Lisbon' });
    expect(within(card).getByRole('link', { name: 'Search Wikipedia for Lisbon' }).getAttribute('href')).toBe(
      'https://pt.wikipedia.org/w/index.php?search=Lisbon',
    );
  });
});
