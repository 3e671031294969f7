import { tPlural } from '@/utils/i18n';
import type { RankedStory } from '@/utils/related/types';
import { Section } from './Section';
import { StoryItem } from './StoryItem';
import './theme.css';
import './StoryList.css';

export type StoryListProps = {
  /** "Same story" or "Background". */
  title: string;
  stories: RankedStory[];
  /** Count the outlets in the title ("Same story · 5 outlets"). */
  isCountingOutlets?: boolean;
  /** Most items shown. */
  max?: number;
  /** Shown instead of the list when there is no story; nothing at all when omitted. */
  emptyText?: string;
  /** Epoch ms that relative times count from. */
  now: number;
  locale?: string;
};

/** Distinct outlets among the stories and the copies merged into them. */
export function countOutlets(stories: RankedStory[]): number {
  const outlets = new Set<string>();
  for (const story of stories) {
    outlets.add((story.domain || story.source).toLowerCase());
    for (const other of story.alsoIn) outlets.add(other.source.toLowerCase());
  }
  return outlets.size;
}

/** A titled list of related stories, best first. */
export function StoryList({ title, stories, isCountingOutlets, max = 10, emptyText, now, locale }: StoryListProps) {
  if (stories.length === 0 && !emptyText) return null;
  const note = isCountingOutlets && stories.length > 0 ? tPlural(countOutlets(stories), { one: 'outletsOne', other: 'outletsOther' }) : undefined;
  return (
    <Section title={title} note={note}>
      {stories.length === 0 ? (
        <p class="bs-stories__empty">{emptyText}</p>
      ) : (
        <ul class="bs-stories" aria-label={title}>
          {stories.slice(0, max).map((story, index) => (
            <StoryItem key={`${index}:${story.url}`} story={story} now={now} locale={locale} />
          ))}
        </ul>
      )}
    </Section>
  );
}
