import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { HistoryList } from '@/components/HistoryList';
import { HistorySearchForm, type HistoryFilters, type HistoryPeriod } from '@/components/HistorySearchForm';
import { HistoryTools } from '@/components/HistoryTools';
import { StatusMessage } from '@/components/StatusMessage';
import { Toast } from '@/components/Toast';
import { MAX_IMPORT_CHARS, toExportJson } from '@/utils/history-export';
import type { HistoryEntry, HistorySearch } from '@/utils/history-types';
import { sendMessage } from '@/utils/messaging';
import { getSettings, updateSettings } from '@/utils/settings';

export type HistoryState = { status: 'loading' } | { status: 'ready'; entries: HistoryEntry[] } | { status: 'error' };

/** Most search results shown. */
export const SEARCH_LIMIT = 100;
/** Delay after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 150;

const DAY = 86_400_000;
const PERIOD_DAYS: Record<HistoryPeriod, number> = { any: 0, day: 1, week: 7, month: 30, year: 365 };
const NO_FILTERS: HistoryFilters = { query: '', site: '', period: 'any', entity: '' };

type Results = { status: 'loading' } | { status: 'ready'; entries: HistoryEntry[] } | { status: 'error'; message: string };
type Notice = { message: string; tone?: 'neutral' | 'error'; onUndo?: () => void };

/** The search request for `filters` at time `now`, or null when nothing narrows the history. */
export function toSearch(filters: HistoryFilters, now: number): HistorySearch | null {
  const search: HistorySearch = { query: filters.query.trim(), limit: SEARCH_LIMIT };
  if (filters.site) search.site = filters.site;
  if (filters.entity.trim()) search.entity = filters.entity.trim();
  if (filters.period !== 'any') search.from = Math.max(0, now - PERIOD_DAYS[filters.period] * DAY);
  return search.query || search.site || search.entity || search.from !== undefined ? search : null;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saves `content` as a file through a temporary link. */
function download({ content, filename, mime }: { content: string; filename: string; mime: string }) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "History": search and filters, the list with delete, and the tools (pause, export, import, clear). */
export function HistoryPanel({ state, reload }: { state: HistoryState; reload: () => void }) {
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [results, setResults] = useState<Results | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const [isConfirming, setIsConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isPaused, setIsPaused] = useState<boolean | null>(null);
  const [retentionDays, setRetentionDays] = useState<number | null | undefined>(undefined);
  const asked = useRef(0);

  useEffect(() => {
    void getSettings().then(
      (settings) => {
        setIsPaused(settings.historyPaused);
        // Another part of the app may add a retention setting; shown only when it exists.
        const days = (settings as { retentionDays?: unknown }).retentionDays;
        if (days === null || typeof days === 'number') setRetentionDays(days);
      },
      () => setIsPaused(false),
    );
  }, []);

  const search = useMemo(() => toSearch(filters, Date.now()), [filters]);
  useEffect(() => {
    if (!search) return setResults(null);
    setResults((r) => r ?? { status: 'loading' });
    const id = ++asked.current;
    const timer = setTimeout(() => {
      sendMessage('searchHistory', search).then(
        (entries) => id === asked.current && setResults({ status: 'ready', entries }),
        (error: unknown) => id === asked.current && setResults({ status: 'error', message: errorText(error) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, refreshes]);

  const refresh = () => {
    reload();
    setRefreshes((n) => n + 1);
  };
  const fail = (what: string) => (error: unknown) => setNotice({ tone: 'error', message: `${what}: ${errorText(error)}` });

  const onDelete = (entry: HistoryEntry) =>
    void sendMessage('deleteHistoryEntry', { canonicalUrl: entry.canonicalUrl }).then((removed) => {
      refresh();
      setNotice({
        message: `Deleted “${entry.title}”`,
        onUndo: removed
          ? () =>
              void sendMessage('importHistory', { json: toExportJson([removed], Date.now()) }).then(() => {
                setNotice({ message: 'Restored' });
                refresh();
              }, fail('Could not restore'))
          : undefined,
      });
    }, fail('Could not delete'));

  const onClear = () => {
    setIsConfirming(false);
    void sendMessage('clearHistory', {}).then(() => {
      setNotice({ message: 'History cleared' });
      refresh();
    }, fail('Could not clear the history'));
  };

  const onImport = async (file: File) => {
    if (file.size > MAX_IMPORT_CHARS) return setNotice({ tone: 'error', message: 'Import failed: the file is too large.' });
    try {
      const { added, updated } = await sendMessage('importHistory', { json: await file.text() });
      setNotice({ message: `Imported ${added} new and ${updated} known articles` });
      refresh();
    } catch (error) {
      fail('Import failed (nothing was changed)')(error);
    }
  };

  const sites = state.status === 'ready' ? [...new Set(state.entries.map((e) => e.site))].sort() : [];
  return (
    <div class="popup__history">
      <HistorySearchForm value={filters} sites={sites} onChange={setFilters} />
      <div class="popup__history-list">
        <ResultList state={state} results={results} onDelete={onDelete} />
      </div>
      {notice && <Toast message={notice.message} tone={notice.tone} onUndo={notice.onUndo} onDismiss={() => setNotice(null)} />}
      <HistoryTools
        isPaused={isPaused}
        retentionDays={retentionDays}
        onPausedChange={(paused) => {
          setIsPaused(paused);
          updateSettings({ historyPaused: paused }).catch(fail('Could not change the setting'));
        }}
        onExport={(format) => void sendMessage('exportHistory', { format }).then(download, fail('Export failed'))}
        onImport={(file) => void onImport(file)}
        onClear={() => setIsConfirming(true)}
      />
      {isConfirming && (
        <ConfirmDialog
          title="Clear your whole history?"
          detail="Every article you read, with its analysis and cached context, is deleted from this device. This cannot be undone."
          confirmLabel="Clear history"
          onConfirm={onClear}
          onCancel={() => setIsConfirming(false)}
        />
      )}
    </div>
  );
}

function ResultList({ state, results, onDelete }: { state: HistoryState; results: Results | null; onDelete: (e: HistoryEntry) => void }) {
  if (results) {
    if (results.status === 'loading') return <StatusMessage tone="loading" title="Searching…" />;
    if (results.status === 'error') return <StatusMessage tone="error" title="Search failed" detail={results.message} />;
    return (
      <HistoryList
        entries={results.entries}
        onDelete={onDelete}
        emptyTitle="No matching articles"
        emptyDetail="Try fewer or shorter words, or other filters."
      />
    );
  }
  if (state.status === 'loading') return <StatusMessage tone="loading" title="Loading history…" />;
  if (state.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title="History unavailable"
        detail="Your reading history could not be loaded. Close and reopen Backstory to try again."
      />
    );
  return <HistoryList entries={state.entries} onDelete={onDelete} />;
}
