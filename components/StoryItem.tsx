import { formatNumber, t } from '@/utils/i18n';
import type { RankedStory } from '@/utils/related/types';
import { capText, formatRelative, safeHttpUrl } from './format';

export type StoryItemProps = {
  story: RankedStory;
  /** Epoch ms that relative times count from. */
  now: number;
  locale?: string;
};

/** One related story: its title as a link, outlet, how long ago, why it is shown, and other outlets with it. */
export function StoryItem({ story, now, locale }: StoryItemProps) {
  const href = safeHttpUrl(story.url);
  const title = capText(story.title);
  const when = story.publishedAt ? formatRelative(story.publishedAt, now, locale) : null;
  const alsoIn = story.alsoIn.map((other) => capText(other.source, 60)).filter(Boolean);
  const lang = story.lang ?? undefined;
  return (
    <li class="bs-story">
      {href ? (
        <a class="bs-story__title bs-link" href={href} target="_blank" rel="noopener noreferrer" lang={lang}>
          {title}
        </a>
      ) : (
        <span class="bs-story__title" lang={lang}>
          {title}
        </span>
      )}
      <p class="bs-story__meta">
        {story.source && <span class="bs-story__outlet">{capText(story.source, 60)}</span>}
        {when && story.publishedAt && <time dateTime={story.publishedAt}>{when}</time>}
      </p>
      {story.reasons.length > 0 && (
        <p class="bs-story__reasons">{story.reasons.slice(0, 3).map((reason) => capText(reason, 80)).join(' · ')}</p>
      )}
      {alsoIn.length > 0 && (
        <p class="bs-story__also">
          {alsoIn.length > 5 ? t('storyAlsoInMore', [alsoIn.slice(0, 5).join(', '), formatNumber(alsoIn.length - 5)]) : t('storyAlsoIn', alsoIn.join(', '))}
        </p>
      )}
    </li>
  );
}
