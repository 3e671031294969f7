import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { uiLanguage } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { perfMark } from '@/utils/perf';
import { App } from './App';
import { SIDEBAR_TAG, type SidebarTarget, type SidebarView } from './sidebar-mode';

type Ui = ShadowRootContentScriptUi<HTMLElement>;

export type SidebarDeps = {
  /** The reader's stylesheet (fetched as soon as the reader runs); all of it goes into the shadow root. */
  css: Promise<string>;
  /** "Hide on this site"; no button when absent. */
  onHideOnSite?: () => void;
  /** Asks the background for an article's context; the default sends `getContext`. */
  ask?: (article: Article) => Promise<StoryContext>;
};

/**
 * The sidebar in a shadow root, created on first `show`. All its styles live in the shadow root;
 * its elements are `position: fixed`, so the page's layout never moves. The story context of a newly
 * shown article is asked for at once, while the shadow root is still being made.
 * Calls may overlap the asynchronous creation: each settles to the latest wish.
 */
export function createSidebar(ctx: ContentScriptContext, { css, onHideOnSite, ask = (article) => sendMessage('getContext', { article }) }: SidebarDeps): SidebarTarget {
  let wanted: Article | null = null;
  let view: SidebarView = { startExpanded: false, toggles: 0 };
  let ui: Promise<Ui> | null = null;
  /** The first answer for `asked`, asked when it was shown; App's polling goes on from it. */
  let asked: Article | null = null;
  let first: Promise<StoryContext> | undefined;
  const app = (article: Article) => (
    <App article={article} first={article === asked ? first : undefined} startExpanded={view.startExpanded} toggles={view.toggles} onHideOnSite={onHideOnSite} />
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

  const create = async () =>
    createShadowRootUi<HTMLElement>(ctx, {
      name: SIDEBAR_TAG,
      // The page's `:root` rules are the shadow host's here (as WXT does for its own CSS loading).
      css: (await css).replaceAll(':root', ':host'),
      position: 'overlay',
      alignment: 'top-right',
      // Keys pressed in the sidebar must not trigger the site's own shortcuts.
      isolateEvents: true,
      onMount(container) {
        perfMark('sidebar:mount');
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
      if (article !== asked) {
        asked = article;
        first = ask(article);
        // Shown by App when it renders; a failure there is App's error state, not an unhandled one here.
        first.catch(() => {});
      }
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
