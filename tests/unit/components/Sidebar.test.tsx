// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar, type SidebarProps } from '@/components/Sidebar';

afterEach(cleanup);

const props = (overrides: Partial<SidebarProps> = {}): SidebarProps => ({
  count: null,
  isExpanded: false,
  onExpand: vi.fn(),
  onCollapse: vi.fn(),
  children: <p>Panel content</p>,
  ...overrides,
});
const tab = () => screen.getByRole('button', { name: /^Backstory/ });

describe('Sidebar', () => {
  it('collapsed: only the "Backstory" tab, not expanded', () => {
    const onExpand = vi.fn();
    render(<Sidebar {...props({ onExpand })} />);
    expect(tab().textContent).toBe('Backstory');
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Panel content')).toBeNull();
    fireEvent.click(tab());
    expect(onExpand).toHaveBeenCalledOnce();
  });

  it('shows the number of related stories on the tab once known', () => {
    const { rerender } = render(<Sidebar {...props({ count: 0 })} />);
    expect(tab().textContent).toBe('Backstory');
    rerender(<Sidebar {...props({ count: 5 })} />);
    expect(tab().textContent).toBe('Backstory · 5 related stories');
    expect(tab().querySelector('.bs-sidebar__count')?.textContent).toBe(' · 5');
    rerender(<Sidebar {...props({ count: 1 })} />);
    expect(tab().textContent).toBe('Backstory · 1 related story');
  });

  it('expanded: the content in a labelled panel next to the tab, with a collapse button', () => {
    const onCollapse = vi.fn();
    render(<Sidebar {...props({ isExpanded: true, onCollapse })} />);
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('complementary', { name: 'Backstory' });
    expect(tab().getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.textContent).toContain('Panel content');
    // Tab and panel are siblings in one row, never one inside (or over) the other.
    expect(tab().parentElement).toBe(panel.parentElement);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Backstory' }));
    expect(onCollapse).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(tab());
  });

  it('Esc collapses an expanded sidebar, and does nothing when collapsed', () => {
    const onCollapse = vi.fn();
    const { rerender } = render(<Sidebar {...props({ isExpanded: true, onCollapse })} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Collapse Backstory' }), { key: 'Escape' });
    expect(onCollapse).toHaveBeenCalledOnce();
    rerender(<Sidebar {...props({ onCollapse })} />);
    fireEvent.keyDown(tab(), { key: 'Escape' });
    expect(onCollapse).toHaveBeenCalledOnce();
  });
});
