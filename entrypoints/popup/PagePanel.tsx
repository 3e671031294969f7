import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { ContextView } from '@/components/ContextView';
import { FollowButton } from '@/components/FollowButton';
import { HistoryReadEarlier } from '@/components/HistoryReadEarlier';
import { StatusMessage } from '@/components/StatusMessage';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { perfTimePaint } from '@/utils/perf';
import { useStoryContext } from '@/components/useStoryContext';

export type PageState =
  | { status: 'loading' }
  /**
   * `context`: the first `getContext` answer, or the ask still pending (see `useStoryContext`'s `first`);
   * `refresh`: it is the tab's snapshot while the background looks the article up again (`useStoryContext`'s `refresh`).
   */
  | { status: 'article'; article: Article; context?: StoryContext | Promise<StoryContext>; refresh?: boolean }
  /** `unreachable`: no content script answered (browser pages, tabs open before install). */
  | { status: 'none'; why: 'not-article' | 'unreachable' };

/** "This page": reading the page, the article with its context, or why there is none. */
export function PagePanel({ state, tabId }: { state: PageState; tabId: number | null }) {
  if (state.status === 'loading') return <StatusMessage tone="loading" title={t('pageReading')} />;
  // Another article is another panel: nothing of the previous one's context is shown with it, not even for a frame.
  if (state.status === 'article') return <ArticlePanel key={state.article.canonicalUrl} article={state.article} first={state.context} refresh={state.refresh} tabId={tabId} />;
  return (
    <StatusMessage
      title={t('pageNotArticle')}
      detail={
        state.why === 'not-article'
          ? t('pageNotArticleDetail')
          : t('pageUnreachableDetail')
      }
    />
  );
}

/** The article and its context, polled from the background while the panel is shown. */
function ArticlePanel({ article, first, refresh, tabId }: { article: Article; first?: StoryContext | Promise<StoryContext>; refresh?: boolean; tabId: number | null }) {
  // The hook restarts only when the article or tab changes, not on a new request object.
  const context = useStoryContext(tabId === null ? { article } : { article, tabId }, { first, refresh });
  const hasResults = context.status === 'ready' && context.context.related.sameStory.length > 0;
  // When the reader could see the header, then the results (benchmark builds only).
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => perfTimePaint('popup:article', () => root.current?.querySelector('.bs-card__title')), []);
  useLayoutEffect(() => {
    if (hasResults) perfTimePaint('popup:results', () => root.current?.querySelector('.bs-story__title'));
  }, [hasResults]);
  return (
    <div class="popup__article" ref={root}>
      <FollowButton article={article} tabId={tabId} />
      {context.status === 'ready' && <HistoryReadEarlier items={context.context.timeline} />}
      <ContextView
        article={article}
        context={context.status === 'ready' ? context.context : null}
        isFinal={context.status === 'error' || (context.status === 'ready' && context.isFinal)}
        error={context.status === 'error' ? context.message : undefined}
        isOnline={navigator.onLine}
        now={Date.now()}
      />
    </div>
  );
}
