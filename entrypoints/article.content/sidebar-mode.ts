import type { Article } from '@/utils/article/types';
import { isSidebarShown, type Settings } from '@/utils/settings';
import type { SidebarHandle } from './controller';

/** Tag name of the sidebar's shadow host; end-to-end tests look for it. */
export const SIDEBAR_TAG = 'backstory-sidebar';

/** How the sidebar is shown: whether it starts expanded, and how many times the keyboard command toggled it. */
export type SidebarView = { startExpanded: boolean; toggles: number };

/** The mounted sidebar as the gate drives it. */
export type SidebarTarget = {
  show: (article: Article, view?: SidebarView) => void;
  hide: () => void;
};

export type SidebarSettings = Pick<Settings, 'sidebarMode' | 'sidebarHiddenSites'>;

/** The controller's sidebar, gated by the reader's settings; plus what the content script feeds it. */
export type SidebarGate = SidebarHandle & {
  /** New settings (first read, or a storage change): shows, hides or re-opens the sidebar to match. */
  setSettings: (settings: SidebarSettings) => void;
  /**
   * The keyboard command: expands or collapses the sidebar. On a page where the settings hide it
   * (mode off, or hidden on this site), shows it expanded for this page: the reader asked for it.
   * Returns whether a sidebar is shown afterwards (false: no article here).
   */
  toggle: () => boolean;
};

/**
 * Applies the sidebar settings to the controller's wishes: no sidebar while the settings are
 * unknown, when the mode is `off`, or on a site where the reader hid it; `open` starts expanded.
 */
export function createSidebarGate(target: SidebarTarget, deps: { url: () => string }): SidebarGate {
  let settings: SidebarSettings | null = null;
  let article: Article | null = null;
  let toggles = 0;
  let isForced = false;
  let isShown = false;

  const apply = () => {
    const allowed = settings !== null && (isForced || isSidebarShown(deps.url(), settings));
    if (article && settings && allowed) {
      isShown = true;
      target.show(article, { startExpanded: isForced || settings.sidebarMode === 'open', toggles });
    } else if (isShown) {
      isShown = false;
      target.hide();
    }
  };

  return {
    show(next) {
      if (next !== article) isForced = false;
      article = next;
      apply();
    },
    hide() {
      article = null;
      isForced = false;
      apply();
    },
    setSettings(next) {
      settings = next;
      apply();
    },
    toggle() {
      if (!article || !settings) return false;
      if (!isShown) isForced = true;
      else toggles++;
      apply();
      return isShown;
    },
  };
}
