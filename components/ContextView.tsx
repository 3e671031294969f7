import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { ArticleCard } from './ArticleCard';
import { EntityChips } from './EntityChips';
import { ProviderStatusLine } from './ProviderStatusLine';
import { RelatedSection } from './RelatedSection';
import { Section } from './Section';
import { Skeleton } from './Skeleton';
import { SourceCard } from './SourceCard';
import { StatusMessage } from './StatusMessage';
import { StoryList } from './StoryList';
import { Summary } from './Summary';
import { Timeline } from './Timeline';
import './theme.css';
import './ContextView.css';

export type ContextViewProps = {
  article: Article;
  /** Null while the first answer is awaited. */
  context: StoryContext | null;
  /** No more updates will come (complete, or polling stopped). */
  isFinal: boolean;
  /** Why there is no context at all, when asking failed. */
  error?: string;
  /** `navigator.onLine`. */
  isOnline: boolean;
  /** Epoch ms that relative times count from. */
  now: number;
  locale?: string;
};

/**
 * "This page": the article, then what Backstory knows about it — summary, the people and places it names,
 * the same story elsewhere, background, the timeline, the outlet — and which sources answered.
 * Sections fill in as the context grows; skeletons stand in until the first answer.
 */
export function ContextView({ article, context, isFinal, error, isOnline, now, locale }: ContextViewProps) {
  const lang = article.lang ?? undefined;
  return (
    // Busy until no more updates will come: assistive technology (and tests) can wait for the final state.
    <div class="bs-context" aria-busy={isFinal ? 'false' : 'true'}>
      <ArticleCard article={article} locale={locale} isExcerptShown={!context?.analysis.summary.length} />
      {error !== undefined && (
        <StatusMessage
          tone="error"
          title={t('contextUnavailableTitle')}
          detail={t('contextUnavailableDetail')}
        />
      )}
      {error === undefined && context === null && (
        <Section title={t('sectionFromArticle')}>
          <Skeleton lines={4} label={t('contextReadingArticle')} />
        </Section>
      )}
      {context && (
        <>
          <Summary sentences={context.analysis.summary} lang={lang} />
          {context.analysis.entities.length > 0 && (
            <Section title={t('sectionWhoWhere')}>
              <EntityChips
                entities={context.analysis.entities}
                explainers={context.explainers}
                isFinal={isFinal || context.complete}
                lang={context.analysis.lang}
              />
            </Section>
          )}
          <RelatedSection context={context} isFinal={isFinal} isOnline={isOnline} now={now} locale={locale} />
          <StoryList title={t('sectionBackground')} stories={context.related.background} max={5} now={now} locale={locale} />
          <Timeline items={context.timeline} locale={locale} />
          <SourceCard source={context.source} locale={locale} />
          <ProviderStatusLine providers={context.providers} />
        </>
      )}
    </div>
  );
}
