import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, sendTabMessage } from '@/utils/messaging';
import { StorageWarning } from '@/components/StorageWarning';
import { Tabs } from '@/components/Tabs';
import { parseTabParam, resolveTabId } from './tab-id';
import { HistoryPanel, type HistoryState } from './HistoryPanel';
import { PagePanel, type PageState } from './PagePanel';

export type AppProps = {
  /** `location.search` of the popup page. */
  search: string;
};

export const HISTORY_LIMIT = 200;

const findActiveTabId = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

async function loadPage(tabId: number | null): Promise<PageState> {
  if (tabId === null) return { status: 'none', why: 'unreachable' };
  try {
    const article = await sendTabMessage(tabId, 'getArticle', {});
    return article ? { status: 'article', article } : { status: 'none', why: 'not-article' };
  } catch {
    return { status: 'none', why: 'unreachable' };
  }
}

/** The popup: "This page" (the tab's article) and "History". Owns all data and messaging. */
export function App({ search }: AppProps) {
  const [selected, setSelected] = useState('page');
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [history, setHistory] = useState<HistoryState>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);

  useEffect(() => {
    void resolveTabId(search, findActiveTabId)
      .catch(() => null)
      .then((id) => {
        setTabId(id);
        return loadPage(id);
      })
      .then(setPage);
  }, [search]);

  useEffect(() => {
    sendMessage('getHistory', { limit: HISTORY_LIMIT }).then(
      (entries) => setHistory({ status: 'ready', entries }),
      () => setHistory({ status: 'error' }),
    );
  }, [historyVersion]);

  const isInTab = parseTabParam(search) !== null;

  return (
    <div class="popup">
      <header class="popup__header">
        <h1 class="popup__brand">Backstory</h1>
        <button type="button" class="popup__open popup__settings" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
        {!isInTab && tabId !== null && (
          <a class="popup__open" href={`popup.html?tab=${tabId}`} target="_blank" rel="noopener">
            Open in a tab
          </a>
        )}
      </header>
      <StorageWarning />
      <Tabs
        label="Backstory"
        idPrefix="popup"
        selectedId={selected}
        onSelect={setSelected}
        tabs={[
          { id: 'page', label: 'This page', panel: <PagePanel state={page} tabId={tabId} /> },
          { id: 'history', label: 'History', panel: <HistoryPanel state={history} reload={() => setHistoryVersion((n) => n + 1)} /> },
        ]}
      />
    </div>
  );
}
