// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Summary } from '@/components/Summary';
import { SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

describe('Summary', () => {
  it('lists the sentences under "From the article", in the article language', () => {
    render(<Summary sentences={['One.', 'Two.', 'Three.']} lang="de" />);
    const region = screen.getByRole('region', { name: 'From the article' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['One.', 'Two.', 'Three.']);
    expect(within(region).getByRole('list').getAttribute('lang')).toBe('de');
  });

  it('shows at most three sentences', () => {
    render(<Summary sentences={['1.', '2.', '3.', '4.']} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('renders nothing without sentences', () => {
    const { container } = render(<Summary sentences={[]} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('renders markup in a sentence as text', () => {
    const { container } = render(<Summary sentences={[SCRIPT]} />);
    expect(screen.getByRole('listitem').textContent).toBe(SCRIPT);
    expectInert(container);
  });
});
