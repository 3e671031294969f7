import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, sendReaderMessage } from '@/utils/messaging';
import { Tabs } from '@/components/Tabs';
import { t } from '@/utils/i18n';
import { perfMark } from '@/utils/perf';
import { sidePanelOpener } from '@/utils/side-panel';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { isSnapshot, readTabSnapshot } from '@/utils/context/tab-snapshot';
import type { EarlyRead } from './early';
import { parseTabParam, resolveTabId } from './tab-id';
import type { HistoryState } from './HistoryPanel';
import { useAfterPaint, useLazyComponent } from './lazy';
import { PagePanel, type PageState } from './PagePanel';

export type AppProps = {
  /** `location.search` of the popup page. */
  search: string;
  /**
   * The side panel: calls back with the tab to show now and whenever the active tab changes or loads a
   * page; returns a function that stops. Absent in the popup, which shows one tab.
   */
  followTab?: (onTab: (tabId: number | null) => void) => () => void;
  /** The popup's page, asked for before this rendered ({@link requestPage}); asked for here when absent. */
  requested?: PageRequest;
};

export const HISTORY_LIMIT = 200;

// The hidden tabs' code: loaded once "This page" has its answer, or when the reader opens the tab.
const loadHistoryPanel = () => import('./HistoryPanel').then((m) => m.HistoryPanel);
const loadFollowPanel = () => import('@/components/FollowPanel').then((m) => m.FollowPanel);
// The "Storage is full" notice too: its code, and the storage API it reads, come after This page.
const loadStorageWarning = () => import('@/components/StorageWarning').then((m) => m.StorageWarning);

const findActiveTabId = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

/** The side panel asks again this often when a page that just loaded has no content script yet. */
const PANEL_RETRIES = [300, 1_000];

/**
 * How long the article waits for its first context before it is painted alone (with skeletons until
 * the context arrives). A cached context usually answers well within it: the reader then sees the
 * article and its context in one paint, without a skeleton flashing by.
 */
export const CONTEXT_GRACE_MS = 100;

/** The first answer to `getContext` if it comes within `ms` (null if not, or if it failed). */
function answerWithin<T>(pending: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), ms);
  });
  return Promise.race([pending.catch(() => null), late]).finally(() => clearTimeout(timer));
}

const loadReader = (tabId: number) => sendMessage('loadReader', { tabId });

/** What the popup paints from the tab's snapshot: the article with its complete context. */
type ShownSnapshot = { status: 'article'; article: Article; context: StoryContext };

/**
 * A tab's page state, on the way: `early`, the snapshot the background wrote for the tab (one read
 * of the browser's storage, usually the first answer: painted at once), and `page`, the state as
 * the tab and the background answer (the truth).
 */
type PageLoad = { early: Promise<ShownSnapshot | null>; page: Promise<PageState> };

const shownSnapshot = (stored: unknown): ShownSnapshot | null => (isSnapshot(stored) ? { status: 'article', ...stored } : null);

/** `early`: the tab's snapshot when the popup's early script has read it already (entrypoints/popup/early.ts). */
function loadPage(tabId: number | null, retries: readonly number[] = [], early?: Promise<ShownSnapshot | null>): PageLoad {
  if (tabId === null) return { early: Promise.resolve(null), page: Promise.resolve({ status: 'none', why: 'unreachable' }) };
  const snapshot = early ?? readTabSnapshot(tabId).then(shownSnapshot);
  return { early: snapshot, page: readPage(tabId, snapshot, retries) };
}

async function readPage(tabId: number, early: Promise<ShownSnapshot | null>, retries: readonly number[]): Promise<PageState> {
  try {
    // The background is asked for the context of the article the tab reported while the tab itself is
    // asked for its article: one wait instead of two in a row.
    const reported = sendMessage('getTabContext', { tabId }).then(
      (known) => (perfMark('popup:tab-context'), known),
      () => null,
    );
    // A page the detector ruled out has no reader yet: the background loads it, then the page is asked.
    const article = await sendReaderMessage(tabId, 'getArticle', {}, loadReader);
    perfMark('popup:tab-article');
    if (!article) return { status: 'none', why: 'not-article' };
    // The tab's answer is the truth: another article (or none reported) is asked for now, before this
    // page paints anything, so that the background works while it renders.
    const context = reported.then((known) =>
      known?.article.canonicalUrl === article.canonicalUrl ? known.context : sendMessage('getContext', { article, tabId }),
    );
    context.catch(() => {}); // a failure is shown by the panel (useStoryContext), which awaits it
    const shown = await early;
    if (shown?.article.canonicalUrl === article.canonicalUrl) {
      // The snapshot is on screen: the tab's article (with its text, for Follow) takes its place in the
      // same panel, with the background's context when it is complete too (a newer lookup). A lookup
      // just started again (a restarted worker, an old one) has no results yet: the snapshot's stay
      // until it is complete, rather than giving way to skeletons.
      const latest = await context.catch(() => null);
      if (latest?.complete) return { status: 'article', article, context: latest };
      return { status: 'article', article, context: { ...shown.context }, refresh: latest !== null };
    }
    return { status: 'article', article, context: (await answerWithin(context, CONTEXT_GRACE_MS)) ?? context };
  } catch {
    // The tab does not answer (it left for a page without Backstory before the background removed the
    // snapshot, or its content script is gone): the snapshot is not the truth either.
    const [wait, ...rest] = retries;
    if (wait === undefined) return { status: 'none', why: 'unreachable' };
    await new Promise((done) => setTimeout(done, wait));
    return readPage(tabId, early, rest);
  }
}

/**
 * The popup's tab, and the page state of that tab, on the way. `initial`: the tab and its snapshot
 * when both had arrived before the call (read by the early script): the first render shows them.
 */
export type PageRequest = { search: string; tabId: Promise<number | null>; initial?: { tabId: number; page: ShownSnapshot } } & PageLoad;

/**
 * Asks which tab the popup is for and what that tab shows. main.tsx calls it before the popup's first
 * render (which takes a while on a slow machine), so the answers are under way meanwhile: for a tab
 * named by `?tab=`, asked at once, in this call; otherwise once the active tab is looked up. `early`:
 * the lookup and snapshot read the popup's early script started, taken over here.
 */
export function requestPage(search: string, early?: EarlyRead): PageRequest {
  // The tab still to be known: its page is loaded once it is.
  const once = (tabId: Promise<number | null>, snapshot?: Promise<ShownSnapshot | null>): PageRequest => {
    const load = tabId.then((id) => loadPage(id, [], snapshot));
    return { search, tabId, early: load.then((l) => l.early), page: load.then((l) => l.page) };
  };
  if (early && early.search === search) {
    const { settled } = early;
    const shown = settled && shownSnapshot(settled.stored);
    if (settled?.tabId != null && shown) {
      const initial = { tabId: settled.tabId, page: shown };
      return { search, tabId: Promise.resolve(initial.tabId), initial, ...loadPage(initial.tabId, [], Promise.resolve(shown)) };
    }
    return once(early.tabId, early.stored.then(shownSnapshot));
  }
  const given = parseTabParam(search);
  if (given !== null) return { search, tabId: Promise.resolve(given), ...loadPage(given) };
  return once(resolveTabId(search, findActiveTabId).catch(() => null));
}

/** The popup: "This page" (the tab's article) and "History". Owns all data and messaging. */
export function App({ search, followTab, requested }: AppProps) {
  // `?view=following`: the notification of new coverage opens the Following list.
  const [selected, setSelected] = useState(() => (new URLSearchParams(search).get('view') === 'following' ? 'following' : 'page'));
  // What main.tsx's request already had: the tab and its snapshot, shown in the first render.
  const initial = requested?.search === search && !followTab ? requested.initial : undefined;
  const [page, setPage] = useState<PageState>(initial?.page ?? { status: 'loading' });
  const [history, setHistory] = useState<HistoryState>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | null>(initial?.tabId ?? null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [windowId, setWindowId] = useState<number | null>(null);

  // Started before the first paint, not after it: reading the tab is the longest wait of the popup.
  useLayoutEffect(() => {
    let asked = 0;
    let shown: number | null | undefined = initial?.tabId;
    const show = (id: number | null, load?: PageLoad) => {
      const ask = ++asked;
      if (id !== shown) setPage((current) => (current.status === 'loading' ? current : { status: 'loading' }));
      shown = id;
      setTabId(id);
      const { early, page } = load ?? loadPage(id, followTab ? PANEL_RETRIES : []);
      let isSettled = false;
      // The snapshot is painted only while nothing truer has arrived.
      void early.then((snapshot) => snapshot && !isSettled && ask === asked && setPage(snapshot));
      void page.then((next) => {
        isSettled = true;
        if (ask === asked) setPage(next);
      });
    };
    if (followTab) {
      // Another tab, or a new page in it: what it shows, and the history with the latest visits.
      const stop = followTab((id) => {
        show(id);
        setHistoryVersion((n) => n + 1);
      });
      return () => {
        asked = -1;
        stop();
      };
    }
    const request = requested?.search === search ? requested : requestPage(search);
    void request.tabId.then((id) => show(id, request));
    return () => {
      asked = -1;
    };
  }, [search, followTab]);

  const openSidePanel = followTab ? null : sidePanelOpener();
  useEffect(() => {
    if (openSidePanel) void browser.windows.getCurrent().then((w) => setWindowId(w?.id ?? null), () => {}); // no window: no button target
  }, [openSidePanel !== null]);

  // "This page" comes first: the hidden History and Following tabs are built (and their data asked for)
  // once its answer is on screen, so that neither the background nor this page works on them before
  // that paint; a tab the reader opens before then is built at once.
  const isPageShown = useAfterPaint(page.status !== 'loading');
  const builtParts = useRef(new Set<string>());
  if (isPageShown) builtParts.current.add('history').add('following').add('notice');
  builtParts.current.add(selected);
  const StorageWarning = useLazyComponent(loadStorageWarning, builtParts.current.has('notice'));
  const isHistoryStarted = builtParts.current.has('history');
  const HistoryPanel = useLazyComponent(loadHistoryPanel, isHistoryStarted);
  const FollowPanel = useLazyComponent(loadFollowPanel, builtParts.current.has('following'));
  useEffect(() => {
    if (!isHistoryStarted) return;
    sendMessage('getHistory', { limit: HISTORY_LIMIT }).then(
      (entries) => setHistory({ status: 'ready', entries }),
      () => setHistory({ status: 'error' }),
    );
  }, [historyVersion, isHistoryStarted]);

  const isInTab = parseTabParam(search) !== null;

  return (
    <div class={followTab ? 'popup popup--panel' : 'popup'}>
      <header class="popup__header">
        <h1 class="popup__brand">Backstory</h1>
        <button type="button" class="popup__open popup__settings" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupSettings')}
        </button>
        {openSidePanel && (
          // An icon, named for screen readers and on hover: the header has room for little more.
          <button
            type="button"
            class="popup__open popup__settings popup__side-panel"
            aria-label={t('sidepanelOpen')}
            title={t('sidepanelOpen')}
            onClick={() => {
              // Called in the click itself: the browser opens a panel only on a user gesture.
              void openSidePanel(windowId).then(() => !isInTab && window.close(), () => {});
            }}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
              <rect x="9.5" y="3" width="4.5" height="10" fill="currentColor" />
            </svg>
          </button>
        )}
        {!followTab && !isInTab && tabId !== null && (
          <a class="popup__open" href={`popup.html?tab=${tabId}`} target="_blank" rel="noopener">
            {t('popupOpenInTab')}
          </a>
        )}
      </header>
      {StorageWarning && <StorageWarning />}
      <Tabs
        label={t('popupTabsLabel')}
        idPrefix="popup"
        selectedId={selected}
        onSelect={setSelected}
        tabs={[
          { id: 'page', label: t('popupTabPage'), panel: <PagePanel state={page} tabId={tabId} /> },
          { id: 'history', label: t('popupTabHistory'), panel: HistoryPanel && <HistoryPanel state={history} reload={() => setHistoryVersion((n) => n + 1)} /> },
          { id: 'following', label: t('followTab'), panel: FollowPanel && <FollowPanel active={selected === 'following'} /> },
        ]}
      />
    </div>
  );
}
