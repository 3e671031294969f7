// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusMessage } from '@/components/StatusMessage';

afterEach(cleanup);

describe('StatusMessage', () => {
  it('shows a title and one line of explanation as a status', () => {
    render(<StatusMessage title="Not an article" detail="This page doesn't look like one." />);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Not an article');
    expect(status.textContent).toContain("This page doesn't look like one.");
    expect(status.getAttribute('aria-busy')).toBeNull();
  });

  it('marks loading as busy and errors as alerts', () => {
    render(<StatusMessage tone="loading" title="Loading…" />);
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true');
    cleanup();
    render(<StatusMessage tone="error" title="History unavailable" />);
    expect(screen.getByRole('alert').textContent).toContain('History unavailable');
  });
});
