import { useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import { Sidebar } from '@/components/Sidebar';
import { SidebarContext } from '@/components/SidebarContext';
import { useStoryContext } from '@/entrypoints/popup/useStoryContext';

export type AppProps = {
  article: Article;
};

/**
 * The sidebar's state: collapsed at first, so that the page is never covered uninvited. Asks the background
 * for the story context right away, so the collapsed tab can tell how much other coverage there is.
 */
export function App({ article }: AppProps) {
  const [isExpanded, setExpanded] = useState(false);
  const state = useStoryContext({ article });
  const context = state.status === 'ready' ? state.context : null;
  return (
    <Sidebar
      count={context ? context.related.sameStory.length : null}
      isExpanded={isExpanded}
      onExpand={() => setExpanded(true)}
      onCollapse={() => setExpanded(false)}
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
