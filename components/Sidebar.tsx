import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { formatNumber, pluralRule, t } from '@/utils/i18n';
import './theme.css';
import './Sidebar.css';

export type SidebarProps = {
  /** Same-story items found so far, shown on the tab ("Backstory · 5"); null while unknown. */
  count: number | null;
  isExpanded: boolean;
  onExpand: () => void;
  onCollapse: () => void;
  /** "Hide on this site": no sidebar on this site from now on (undo in the options page). No button when absent. */
  onHideOnSite?: () => void;
  /** The panel's content. */
  children: ComponentChildren;
};

const PANEL_ID = 'bs-sidebar-panel';

/**
 * The sidebar on article pages: a small "Backstory" tab fixed at the right edge that opens a compact panel.
 * Tab and panel sit side by side in one fixed row, so the tab never covers the panel. The tab stays in place
 * (as the panel's handle), so its `aria-expanded` always tells the state; Esc or the close button collapse
 * the panel and return focus to the tab.
 */
export function Sidebar({ count, isExpanded, onExpand, onCollapse, onHideOnSite, children }: SidebarProps) {
  const tab = useRef<HTMLButtonElement>(null);

  const collapse = () => {
    onCollapse();
    tab.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isExpanded) return;
    event.preventDefault();
    collapse();
  };

  return (
    <div class={`bs-sidebar${isExpanded ? ' bs-sidebar--expanded' : ''}`} onKeyDown={onKeyDown}>
      <button
        ref={tab}
        type="button"
        class="bs-sidebar__tab"
        aria-expanded={isExpanded ? 'true' : 'false'}
        aria-controls={PANEL_ID}
        onClick={isExpanded ? onCollapse : onExpand}
      >
        Backstory
        {count !== null && count > 0 && (
          <>
            <span class="bs-sidebar__count"> · {formatNumber(count)}</span>
            <span class="bs-visually-hidden"> {t(pluralRule(count) === 'one' ? 'sidebarRelatedOne' : 'sidebarRelatedOther')}</span>
          </>
        )}
      </button>
      {isExpanded && (
        <aside class="bs-sidebar__panel" id={PANEL_ID} aria-label="Backstory">
          <header class="bs-sidebar__header">
            <p class="bs-sidebar__brand">Backstory</p>
            {onHideOnSite && (
              <button type="button" class="bs-sidebar__hide" onClick={onHideOnSite}>
                {t('sidebarHideOnSite')}
              </button>
            )}
            <button type="button" class="bs-sidebar__close" aria-label={t('sidebarCollapse')} onClick={collapse}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <div class="bs-sidebar__body">{children}</div>
        </aside>
      )}
    </div>
  );
}
