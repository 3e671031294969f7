import type { HistoryEntry } from '@/utils/history-types';
import { t } from '@/utils/i18n';
import { HistoryItem } from './HistoryItem';
import { StatusMessage } from './StatusMessage';
import './theme.css';
import './HistoryList.css';
import './HistoryTools.css';

export type HistoryListProps = {
  /** Newest visit first, as the background returns them. */
  entries: HistoryEntry[];
  locale?: string;
  onDelete?: (entry: HistoryEntry) => void;
  /** Shown when there are no entries (default: the empty history). */
  emptyTitle?: string;
  emptyDetail?: string;
};

/** The reading history, or an empty state when nothing has been read yet. */
export function HistoryList({ entries, locale, onDelete, emptyTitle, emptyDetail }: HistoryListProps) {
  if (entries.length === 0)
    return (
      <StatusMessage
        title={emptyTitle ?? t('historyEmptyTitle')}
        detail={emptyDetail ?? t('historyEmptyDetail')}
      />
    );
  return (
    <ul class="bs-history" aria-label={t('historyListLabel')}>
      {entries.map((entry) => (
        <HistoryItem key={entry.canonicalUrl} entry={entry} locale={locale} onDelete={onDelete} />
      ))}
    </ul>
  );
}
