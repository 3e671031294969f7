import type { SidebarTarget } from './sidebar-mode';

/**
 * A sidebar whose code (Preact, the components) is loaded on the first `show`: the content script
 * runs on every page, and most pages are not articles. Calls made while it loads settle to the
 * latest one.
 */
export function lazySidebar(load: () => Promise<SidebarTarget>): SidebarTarget {
  let target: SidebarTarget | null = null;
  let loading: Promise<void> | null = null;
  let pending: ((sidebar: SidebarTarget) => void) | null = null;
  const call = (wish: (sidebar: SidebarTarget) => void) => {
    if (target) return wish(target);
    pending = wish;
    loading ??= load().then(
      (loaded) => {
        target = loaded;
        pending?.(loaded);
        pending = null;
      },
      () => {
        // No sidebar (e.g. the extension was reloaded under the page); the popup still works.
      },
    );
  };
  return {
    show: (article, view) => call((sidebar) => sidebar.show(article, view)),
    hide: () => {
      if (target) target.hide();
      else pending = null;
    },
  };
}
