import { t } from '@/utils/i18n';
import { ArticleCard } from './ArticleCard';
import type { ContextViewProps } from './ContextView';
import { EntityChips } from './EntityChips';
import { RelatedSection } from './RelatedSection';
import { Section } from './Section';
import { Skeleton } from './Skeleton';
import { StatusMessage } from './StatusMessage';

/** Same inputs as the popup's full view. */
export type SidebarContextProps = ContextViewProps;

/** The sidebar panel's content: the article, the top same-story items and the key names. The popup has the rest. */
export function SidebarContext({ article, context, isFinal, error, isOnline, now, locale }: SidebarContextProps) {
  return (
    <div class="bs-context">
      {/* The page under the panel shows its own standfirst: no excerpt here. */}
      <ArticleCard article={article} locale={locale} isExcerptShown={false} />
      {error !== undefined && <StatusMessage tone="error" title={t('contextUnavailableTitle')} detail={t('sidebarUnavailableDetail')} />}
      {error === undefined && context === null && (
        <Section title={t('sectionSameStory')}>
          <Skeleton lines={3} label={t('relatedLooking')} />
        </Section>
      )}
      {context && (
        <>
          <RelatedSection context={context} isFinal={isFinal} isOnline={isOnline} now={now} locale={locale} max={4} />
          {context.analysis.entities.length > 0 && (
            <Section title={t('sectionWhoWhere')}>
              <EntityChips
                entities={context.analysis.entities}
                explainers={context.explainers}
                isFinal={isFinal || context.complete}
                lang={context.analysis.lang}
                maxPerType={3}
              />
            </Section>
          )}
        </>
      )}
    </div>
  );
}
