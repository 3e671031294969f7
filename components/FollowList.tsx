import type { FollowedStoryView } from '@/utils/follow/types';
import { t } from '@/utils/i18n';
import { capText, formatRelative, safeHttpUrl } from './format';
import './theme.css';
import './Follow.css';

export type FollowListProps = {
  stories: FollowedStoryView[];
  /** Epoch ms that relative times count from. */
  now: number;
  locale?: string;
  onUnfollow: (story: FollowedStoryView) => void;
  /** Ids being unfollowed (their buttons are disabled). */
  busyIds?: ReadonlySet<string>;
};

/** How the latest check went, in a few words. */
function checkLine(story: FollowedStoryView, now: number, locale?: string): string {
  const when = story.lastCheckedAt === null ? null : formatRelative(new Date(story.lastCheckedAt).toISOString(), now, locale);
  const checked = when ? t('followCheckedAt', when) : t('followNotChecked');
  const detail = capText(story.status.detail ?? '', 120);
  switch (story.status.state) {
    case 'partial':
      return `${checked} · ${t('followStatePartial', detail)}`;
    case 'failed':
      return `${checked} · ${t('followStateFailed', detail)}`;
    case 'no-sources':
      return `${checked} · ${t('followStateNoSources')}`;
    default:
      return checked;
  }
}

/** The followed stories: title, outlet, new count, last check, the newest coverage, and Unfollow. */
export function FollowList({ stories, now, locale, onUnfollow, busyIds }: FollowListProps) {
  return (
    <ul class="bs-follows" aria-label={t('followListLabel')}>
      {stories.map((story) => {
        const href = safeHttpUrl(story.canonicalUrl);
        const title = capText(story.title);
        return (
          <li key={story.id} class="bs-follows__item">
            <div class="bs-follows__head">
              {href ? (
                <a class="bs-follows__title bs-link" href={href} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                <span class="bs-follows__title">{title}</span>
              )}
              {story.newCount > 0 && <span class="bs-follows__new">{t('followNewCount', story.newCount)}</span>}
            </div>
            <p class="bs-follows__meta">
              {story.outlet && <span>{capText(story.outlet, 60)} · </span>}
              <span class="bs-follows__check">{checkLine(story, now, locale)}</span>
            </p>
            {story.latest.length > 0 && (
              <ul class="bs-follows__latest" aria-label={`${t('followNewest')}: ${title}`}>
                {story.latest.slice(0, 3).map((item) => {
                  const link = safeHttpUrl(item.url);
                  const text = capText(item.title);
                  return (
                    <li key={item.url}>
                      {link ? (
                        <a class="bs-link" href={link} target="_blank" rel="noopener noreferrer">
                          {text}
                        </a>
                      ) : (
                        <span>{text}</span>
                      )}
                      {item.source && <span class="bs-follows__source"> · {capText(item.source, 60)}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
            <button
              type="button"
              class="bs-follows__unfollow bs-focusable"
              aria-label={t('followUnfollowLabel', title)}
              disabled={busyIds?.has(story.id)}
              onClick={() => onUnfollow(story)}
            >
              {t('followUnfollow')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
