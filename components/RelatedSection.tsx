import type { StoryContext } from '@/utils/context/types';
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
  if (isOffline) return "You're offline. Other coverage appears when you're back online.";
  if (!isFinal) return null;
  if (asked.length === 0) return 'All news sources are switched off.';
  if (asked.every((p) => p.state === 'error' || p.state === 'rate-limited'))
    return "The news sources didn't answer. Try again later.";
  return 'No other coverage found yet.';
}

/** "Same story · N outlets": the same event elsewhere; a skeleton while sources are still answering. */
export function RelatedSection({ context, isFinal, isOnline, now, locale, max = 10 }: RelatedSectionProps) {
  const stories = context.related.sameStory;
  if (stories.length > 0)
    return <StoryList title="Same story" stories={stories} isCountingOutlets max={max} now={now} locale={locale} />;
  const text = emptyRelatedText(context, isFinal, isOnline);
  if (text === null)
    return (
      <Section title="Same story">
        <Skeleton lines={3} label="Looking for other coverage…" />
      </Section>
    );
  return <StoryList title="Same story" stories={[]} emptyText={text} now={now} locale={locale} />;
}
