// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/Sidebar';
import { makeArticle } from './fixtures';

afterEach(cleanup);

describe('Sidebar', () => {
  it('collapsed: only the "Backstory" tab, not expanded', () => {
    const onExpand = vi.fn();
    render(<Sidebar article={makeArticle()} isExpanded={false} onExpand={onExpand} onCollapse={vi.fn()} />);
    const tab = screen.getByRole('button', { name: 'Backstory' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('heading')).toBeNull();
    fireEvent.click(tab);
    expect(onExpand).toHaveBeenCalledOnce();
  });

  it('expanded: the article card in a labelled panel, with a collapse button', () => {
    const onCollapse = vi.fn();
    render(<Sidebar article={makeArticle()} isExpanded onExpand={vi.fn()} onCollapse={onCollapse} />);
    expect(screen.getByRole('button', { name: 'Backstory' }).getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('complementary', { name: 'Backstory' });
    expect(panel.textContent).toContain('Harbour bridge reopens after two years of repairs');
    expect(panel.textContent).toContain('4 min read');
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Backstory' }));
    expect(onCollapse).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Backstory' }));
  });

  it('Esc collapses an expanded sidebar, and does nothing when collapsed', () => {
    const onCollapse = vi.fn();
    const { rerender } = render(
      <Sidebar article={makeArticle()} isExpanded onExpand={vi.fn()} onCollapse={onCollapse} />,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Collapse Backstory' }), { key: 'Escape' });
    expect(onCollapse).toHaveBeenCalledOnce();
    rerender(<Sidebar article={makeArticle()} isExpanded={false} onExpand={vi.fn()} onCollapse={onCollapse} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Backstory' }), { key: 'Escape' });
    expect(onCollapse).toHaveBeenCalledOnce();
  });
});
