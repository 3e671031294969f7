import type { HistoryEntry } from '@/utils/history-types';
import { t } from '@/utils/i18n';
import { formatMoment, formatVisits, safeHttpUrl } from './format';

export type HistoryItemProps = {
  entry: HistoryEntry;
  locale?: string;
  /** When given, a "Delete" button forgets this article. */
  onDelete?: (entry: HistoryEntry) => void;
};

/** One article of the reading history: a link to it, its outlet, the last visit and how many visits. */
export function HistoryItem({ entry, locale, onDelete }: HistoryItemProps) {
  const href = safeHttpUrl(entry.url);
  const outlet = entry.siteName ?? entry.site;
  const visits = formatVisits(entry.visits.length);
  const lang = entry.lang ?? undefined;
  return (
    <li class="bs-history__item">
      <div class="bs-history__row">
        {href ? (
          <a class="bs-history__link" href={href} target="_blank" rel="noopener noreferrer" lang={lang}>
            {entry.title}
          </a>
        ) : (
          <span class="bs-history__link" lang={lang}>
            {entry.title}
          </span>
        )}
        {onDelete && (
          <button
            type="button"
            class="bs-history__delete"
            aria-label={t('historyDeleteItem', entry.title)}
            title={t('historyDeleteTitle')}
            onClick={() => onDelete(entry)}
          >
            ×
          </button>
        )}
      </div>
      <p class="bs-history__meta">
        {outlet && <span class="bs-history__outlet">{outlet}</span>}
        <time dateTime={new Date(entry.lastVisitedAt).toISOString()}>{formatMoment(entry.lastVisitedAt, locale)}</time>
        {visits && <span class="bs-history__visits">{visits}</span>}
      </p>
    </li>
  );
}
