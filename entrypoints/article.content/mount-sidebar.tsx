import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { Article } from '@/utils/article/types';
import { uiLanguage } from '@/utils/i18n';
import { App } from './App';
import type { SidebarTarget, SidebarView } from './sidebar-mode';

/** Tag name of the shadow host; end-to-end tests look for it. */
export const SIDEBAR_TAG = 'backstory-sidebar';

type Ui = ShadowRootContentScriptUi<HTMLElement>;

/**
 * The sidebar in a shadow root, created on first `show`. All its styles live in the shadow root
 * (`cssInjectionMode: 'ui'`); its elements are `position: fixed`, so the page's layout never moves.
 * Calls may overlap the asynchronous creation: each settles to the latest wish.
 */
export function createSidebar(ctx: ContentScriptContext, { onHideOnSite }: { onHideOnSite?: () => void } = {}): SidebarTarget {
  let wanted: Article | null = null;
  let view: SidebarView = { startExpanded: false, toggles: 0 };
  let ui: Promise<Ui> | null = null;
  const app = (article: Article) => (
    <App article={article} startExpanded={view.startExpanded} toggles={view.toggles} onHideOnSite={onHideOnSite} />
  );

  const sync = (current: Ui) => {
    if (wanted === null) {
      if (current.mounted) current.remove();
    } else if (current.mounted) {
      render(app(wanted), current.mounted);
    } else {
      current.mount();
    }
  };

  const create = () =>
    createShadowRootUi<HTMLElement>(ctx, {
      name: SIDEBAR_TAG,
      position: 'overlay',
      alignment: 'top-right',
      // Keys pressed in the sidebar must not trigger the site's own shortcuts.
      isolateEvents: true,
      onMount(container) {
        const wrapper = document.createElement('div');
        // The sidebar speaks the UI language, whatever the page's own language is.
        wrapper.lang = uiLanguage();
        container.append(wrapper);
        if (wanted) render(app(wanted), wrapper);
        return wrapper;
      },
      onRemove(wrapper) {
        if (wrapper) render(null, wrapper);
      },
    });

  const settle = () => {
    ui ??= create();
    ui.then(sync).catch(() => {
      // No sidebar (e.g. the context was invalidated while its CSS loaded); the popup still works.
    });
  };

  return {
    show(article, next = { startExpanded: false, toggles: 0 }) {
      wanted = article;
      view = next;
      settle();
    },
    hide() {
      wanted = null;
      if (ui) settle();
    },
  };
}
