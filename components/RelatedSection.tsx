import type { StoryContext } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { Section } from './Section';
import { Skeleton } from './Skeleton';
import { StoryList } from './StoryList';

export type RelatedSectionProps = {
  context: StoryContext;
  isFinal: boolean;
  isOnline: boolean;
  now: number;
  locale?: string;
  /** Most items shown. */
  max?: number;
};

/** What to say when there is no same-story item, or null while it is still worth waiting. */
export function emptyRelatedText(context: StoryContext, isFinal: boolean, isOnline: boolean): string | null {
  const asked = context.providers.filter((p) => p.state !== 'off');
  const isOffline = !isOnline || (asked.length > 0 && asked.every((p) => p.state === 'offline'));
  if (isOffline) return t('relatedOffline');
  if (!isFinal) return null;
  if (asked.length === 0) return t('relatedAllOff');
  if (asked.every((p) => p.state === 'error' || p.state === 'rate-limited'))
    return t('relatedNoAnswer');
  return t('relatedNoneYet');
}

/** "Same story · N outlets": the same event elsewhere; a skeleton while sources are still answering. */
export function RelatedSection({ context, isFinal, isOnline, now, locale, max = 10 }: RelatedSectionProps) {
  const stories = context.related.sameStory;
  if (stories.length > 0)
    return <StoryList title={t('sectionSameStory')} stories={stories} isCountingOutlets max={max} now={now} locale={locale} />;
  const text = emptyRelatedText(context, isFinal, isOnline);
  if (text === null)
    return (
      <Section title={t('sectionSameStory')}>
        <Skeleton lines={3} label={t('relatedLooking')} />
      </Section>
    );
  return <StoryList title={t('sectionSameStory')} stories={[]} emptyText={text} now={now} locale={locale} />;
}
