// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Skeleton } from '@/components/Skeleton';

afterEach(cleanup);

describe('Skeleton', () => {
  it('draws the given number of lines, hidden from screen readers, and announces its label', () => {
    const { container } = render(<Skeleton lines={4} label="Looking for other coverage…" />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Looking for other coverage…');
    expect(status.getAttribute('aria-busy')).toBe('true');
    const lines = container.querySelectorAll('.bs-skeleton__line');
    expect(lines).toHaveLength(4);
    expect([...lines].every((line) => line.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('without a label it is decoration only', () => {
    render(<Skeleton />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
