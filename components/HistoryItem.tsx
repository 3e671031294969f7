import type { HistoryEntry } from '@/utils/history-types';
import { formatMoment, formatVisits, safeHttpUrl } from './format';

export type HistoryItemProps = {
  entry: HistoryEntry;
  locale?: string;
};

/** One article of the reading history: a link to it, its outlet, the last visit and how many visits. */
export function HistoryItem({ entry, locale }: HistoryItemProps) {
  const href = safeHttpUrl(entry.url);
  const outlet = entry.siteName ?? entry.site;
  const visits = formatVisits(entry.visits.length);
  const lang = entry.lang ?? undefined;
  return (
    <li class="bs-history__item">
      {href ? (
        <a class="bs-history__link" href={href} target="_blank" rel="noopener noreferrer" lang={lang}>
          {entry.title}
        </a>
      ) : (
        <span class="bs-history__link" lang={lang}>
          {entry.title}
        </span>
      )}
      <p class="bs-history__meta">
        {outlet && <span class="bs-history__outlet">{outlet}</span>}
        <time dateTime={new Date(entry.lastVisitedAt).toISOString()}>{formatMoment(entry.lastVisitedAt, locale)}</time>
        {visits && <span class="bs-history__visits">{visits}</span>}
      </p>
    </li>
  );
}
