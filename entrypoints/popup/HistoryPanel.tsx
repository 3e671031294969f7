import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { HistoryList } from '@/components/HistoryList';
import { HistorySearchForm, type HistoryFilters, type HistoryPeriod } from '@/components/HistorySearchForm';
import { HistoryTools } from '@/components/HistoryTools';
import { StatusMessage } from '@/components/StatusMessage';
import { Toast } from '@/components/Toast';
import { MAX_IMPORT_CHARS, toExportJson } from '@/utils/history-export';
import type { HistoryEntry, HistorySearch } from '@/utils/history-types';
import { formatNumber, t } from '@/utils/i18n';
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
  const fail = (what: string) => (error: unknown) => setNotice({ tone: 'error', message: t('historyFailure', [what, errorText(error)]) });

  const onDelete = (entry: HistoryEntry) =>
    void sendMessage('deleteHistoryEntry', { canonicalUrl: entry.canonicalUrl }).then((removed) => {
      refresh();
      setNotice({
        message: t('historyDeleted', entry.title),
        onUndo: removed
          ? () =>
              void sendMessage('importHistory', { json: toExportJson([removed], Date.now()) }).then(() => {
                setNotice({ message: t('historyRestored') });
                refresh();
              }, fail(t('historyRestoreFailed')))
          : undefined,
      });
    }, fail(t('historyDeleteFailed')));

  const onClear = () => {
    setIsConfirming(false);
    void sendMessage('clearHistory', {}).then(() => {
      setNotice({ message: t('historyCleared') });
      refresh();
    }, fail(t('historyClearFailed')));
  };

  const onImport = async (file: File) => {
    if (file.size > MAX_IMPORT_CHARS) return setNotice({ tone: 'error', message: t('historyImportTooLarge') });
    try {
      const { added, updated } = await sendMessage('importHistory', { json: await file.text() });
      setNotice({ message: t('historyImported', [formatNumber(added), formatNumber(updated)]) });
      refresh();
    } catch (error) {
      fail(t('historyImportFailed'))(error);
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
          updateSettings({ historyPaused: paused }).catch(fail(t('historySettingFailed')));
        }}
        onExport={(format) => void sendMessage('exportHistory', { format }).then(download, fail(t('historyExportFailed')))}
        onImport={(file) => void onImport(file)}
        onClear={() => setIsConfirming(true)}
      />
      {isConfirming && (
        <ConfirmDialog
          title={t('historyClearTitle')}
          detail={t('historyClearDetail')}
          confirmLabel={t('historyClearConfirm')}
          onConfirm={onClear}
          onCancel={() => setIsConfirming(false)}
        />
      )}
    </div>
  );
}

function ResultList({ state, results, onDelete }: { state: HistoryState; results: Results | null; onDelete: (e: HistoryEntry) => void }) {
  if (results) {
    if (results.status === 'loading') return <StatusMessage tone="loading" title={t('historySearching')} />;
    if (results.status === 'error') return <StatusMessage tone="error" title={t('historySearchFailed')} detail={results.message} />;
    return (
      <HistoryList
        entries={results.entries}
        onDelete={onDelete}
        emptyTitle={t('historyNoMatchTitle')}
        emptyDetail={t('historyNoMatchDetail')}
      />
    );
  }
  if (state.status === 'loading') return <StatusMessage tone="loading" title={t('historyLoading')} />;
  if (state.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title={t('historyUnavailableTitle')}
        detail={t('historyUnavailableDetail')}
      />
    );
  return <HistoryList entries={state.entries} onDelete={onDelete} />;
}
