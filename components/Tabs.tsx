import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import './theme.css';
import './Tabs.css';

export type TabSpec = {
  id: string;
  label: string;
  panel: ComponentChildren;
};

export type TabsProps = {
  /** Accessible name of the tab list. */
  label: string;
  tabs: TabSpec[];
  selectedId: string;
  onSelect: (id: string) => void;
  /** Prefix of the element ids, unique in the document. */
  idPrefix?: string;
};

const NEXT_INDEX: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * An accessible tab list (WAI-ARIA APG "tabs with automatic activation"): arrow keys, Home and End
 * move the selection; only the selected tab is in the Tab order. Panels stay mounted, hidden when not selected,
 * so that switching back keeps their scroll position.
 */
export function Tabs({ label, tabs, selectedId, onSelect, idPrefix = 'bs-tabs' }: TabsProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = NEXT_INDEX[event.key];
    const tab = next && tabs[next(index, tabs.length)];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current[tabs.indexOf(tab)]?.focus();
  };

  return (
    <div class="bs-tabs">
      <div class="bs-tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => {
          const isSelected = tab.id === selectedId;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              role="tab"
              class="bs-tabs__tab"
              id={`${idPrefix}-tab-${tab.id}`}
              aria-selected={isSelected ? 'true' : 'false'}
              aria-controls={`${idPrefix}-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          class="bs-tabs__panel"
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-tab-${tab.id}`}
          hidden={tab.id !== selectedId}
          tabIndex={0}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
