// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from '@/components/Tabs';

afterEach(cleanup);

function Harness() {
  const [selected, setSelected] = useState('a');
  return (
    <Tabs
      label="Sections"
      selectedId={selected}
      onSelect={setSelected}
      tabs={[
        { id: 'a', label: 'Alpha', panel: <p>Alpha content</p> },
        { id: 'b', label: 'Beta', panel: <p>Beta content</p> },
        { id: 'c', label: 'Gamma', panel: <p>Gamma content</p> },
      ]}
    />
  );
}

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');
const visiblePanel = () => screen.getByRole('tabpanel');

describe('Tabs', () => {
  it('links tabs and panels and shows only the selected panel', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    const alpha = screen.getByRole('tab', { name: 'Alpha' });
    expect(alpha.getAttribute('aria-selected')).toBe('true');
    expect(alpha.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Beta' }).tabIndex).toBe(-1);
    const panel = visiblePanel();
    expect(panel.textContent).toBe('Alpha content');
    expect(panel.getAttribute('aria-labelledby')).toBe(alpha.id);
    expect(alpha.getAttribute('aria-controls')).toBe(panel.id);
  });

  it('selects a tab on click', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: 'Gamma' }));
    expect(selectedTab()?.textContent).toBe('Gamma');
    expect(visiblePanel().textContent).toBe('Gamma content');
  });

  it('moves selection and focus with arrow keys, wrapping, and Home/End', () => {
    render(<Harness />);
    const alpha = screen.getByRole('tab', { name: 'Alpha' });
    alpha.focus();
    fireEvent.keyDown(alpha, { key: 'ArrowRight' });
    expect(selectedTab()?.textContent).toBe('Beta');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Beta' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(selectedTab()?.textContent).toBe('Gamma');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(selectedTab()?.textContent).toBe('Alpha');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(selectedTab()?.textContent).toBe('Gamma');
    expect(visiblePanel().textContent).toBe('Gamma content');
  });

  it('ignores other keys', () => {
    render(<Harness />);
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Alpha' }), { key: 'a' });
    expect(selectedTab()?.textContent).toBe('Alpha');
  });
});
