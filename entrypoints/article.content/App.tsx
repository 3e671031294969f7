import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { Sidebar } from '@/components/Sidebar';
import { SidebarContext } from '@/components/SidebarContext';
import { useStoryContext } from '@/components/useStoryContext';
import { perfTimePaint } from '@/utils/perf';
import { SIDEBAR_TAG } from './sidebar-mode';

export type AppProps = {
  article: Article;
  /** The first answer for `article`, already asked for (polling goes on from it). */
  first?: Promise<StoryContext>;
  /** Sidebar mode `open`: start (and return to) expanded. */
  startExpanded?: boolean;
  /** How many times the keyboard command toggled the sidebar; each change flips it. */
  toggles?: number;
  /** "Hide on this site"; no button when absent. */
  onHideOnSite?: () => void;
};

/**
 * The sidebar's state: collapsed at first, so that the page is never covered uninvited. Asks the background
 * for the story context right away, so the collapsed tab can tell how much other coverage there is.
 */
export function App({ article, first, startExpanded = false, toggles = 0, onHideOnSite }: AppProps) {
  const [isExpanded, setExpanded] = useState(startExpanded);
  const seenToggles = useRef(toggles);
  // The mode changed in the options page: follow it.
  useEffect(() => setExpanded(startExpanded), [startExpanded]);
  useEffect(() => {
    if (toggles === seenToggles.current) return;
    seenToggles.current = toggles;
    setExpanded((expanded) => !expanded);
  }, [toggles]);
  const state = useStoryContext({ article }, { first });
  const context = state.status === 'ready' ? state.context : null;
  const hasSameStory = (context?.related.sameStory.length ?? 0) > 0;
  // When the reader could see the items: their count on the sidebar's tab (benchmark builds only).
  useLayoutEffect(() => {
    if (hasSameStory) perfTimePaint('sidebar:same-story', () => document.querySelector(SIDEBAR_TAG)?.shadowRoot?.querySelector('button[aria-expanded]'));
  }, [hasSameStory]);
  return (
    <Sidebar
      count={context ? context.related.sameStory.length : null}
      isExpanded={isExpanded}
      onExpand={() => setExpanded(true)}
      onCollapse={() => setExpanded(false)}
      onHideOnSite={onHideOnSite}
    >
      <SidebarContext
        article={article}
        context={context}
        isFinal={state.status === 'error' || (state.status === 'ready' && state.isFinal)}
        error={state.status === 'error' ? state.message : undefined}
        isOnline={navigator.onLine}
        now={Date.now()}
      />
    </Sidebar>
  );
}
