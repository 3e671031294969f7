import type { HistoryEntry } from '@/utils/history-types';
import { HistoryItem } from './HistoryItem';
import { StatusMessage } from './StatusMessage';
import './theme.css';
import './HistoryList.css';

export type HistoryListProps = {
  /** Newest visit first, as the background returns them. */
  entries: HistoryEntry[];
  locale?: string;
};

/** The reading history, or an empty state when nothing has been read yet. */
export function HistoryList({ entries, locale }: HistoryListProps) {
  if (entries.length === 0)
    return (
      <StatusMessage
        title="No articles yet…"
        detail="News articles you read appear here. They never leave this device."
      />
    );
  return (
    <ul class="bs-history" aria-label="Reading history">
      {entries.map((entry) => (
        <HistoryItem key={entry.canonicalUrl} entry={entry} locale={locale} />
      ))}
    </ul>
  );
}
