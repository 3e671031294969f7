import { browser, type Browser } from 'wxt/browser';
import type { Article } from './article/types';
import type { ExportedArticle, HistoryEntry, HistorySearch } from './history-types';
import type { FeedCheck } from './context/feed-check';
import type { StoryContext } from './context/types';
import type { FollowedStoryView } from './follow/types';
import { isRecord } from './is-record';

/**
 * The one message protocol. Each entry: `sender → receiver: what it does`.
 * To change a payload, add an optional field or a new message; never reuse a name.
 */
export interface ProtocolMap {
  /** content → background: an article was found on this tab; records a visit (not in private windows). */
  articleDetected: { req: Article; res: { recorded: boolean } };
  /** popup → background: latest history entries, newest visit first. */
  getHistory: { req: { limit: number }; res: HistoryEntry[] };
  /** popup → content (by tab id): the article on that tab, or null when the page is not an article. */
  getArticle: { req: Record<string, never>; res: Article | null };
  /**
   * popup | sidebar → background: the story context of an article (analysis, related coverage,
   * explainers, timeline). Starts the lookup on first ask; answers what is known so far —
   * ask again until `complete`. `tabId` lets the background tell a private window's article.
   */
  /** `after`: the version the asker shows; the answer waits for a newer one (utils/context/service.ts). */
  getContext: { req: { article: Article; tabId?: number; after?: number }; res: StoryContext };
  /**
   * popup → background: the article this tab last reported (`articleDetected`) with its story context
   * (as `getContext` answers it), or null when the background does not know one. Asked while the
   * popup asks the tab itself, whose answer stays the truth.
   */
  getTabContext: { req: { tabId: number }; res: { article: Article; context: StoryContext } | null };
  /**
   * popup | side panel → background: load the reader (the full content script) into this tab's page,
   * which the detector ruled out, to ask it for its article. Answers whether the reader runs there.
   */
  loadReader: { req: { tabId: number }; res: { running: boolean } };
  /** background → content (by tab id): the keyboard command: expand the sidebar, or collapse it when open. */
  toggleSidebar: { req: Record<string, never>; res: { shown: boolean } };
  /** options → background: fetches and parses a feed address before it is added; rejects with a reason to show. */
  validateFeed: { req: { url: string }; res: FeedCheck };
  /** popup → background: history entries matching words (prefixes, all of them) and filters, newest visit first. */
  searchHistory: { req: HistorySearch; res: HistoryEntry[] };
  /** popup → background: forgets one article everywhere; answers what was deleted (for an undo through `importHistory`), or null. */
  deleteHistoryEntry: { req: { canonicalUrl: string }; res: ExportedArticle | null };
  /** popup → background: forgets the whole history with every analysis and cache. */
  clearHistory: { req: Record<string, never>; res: null };
  /** popup → background: the whole history as a file's content (JSON with a format/version header, or CSV). */
  exportHistory: { req: { format: 'json' | 'csv' }; res: { content: string; filename: string; mime: string } };
  /** popup → background: merges an export file into the history; a bad file is refused with a message and changes nothing. */
  importHistory: { req: { json: string }; res: { added: number; updated: number } };
  /** popup → background: follows the story of this article (refused in private windows); answers the stored story. */
  followStory: { req: { article: Article; tabId?: number }; res: FollowedStoryView };
  /** popup → background: stops following a story. */
  unfollowStory: { req: { id: string }; res: { removed: boolean } };
  /** popup → background: the followed stories; with `markSeen` (the reader is looking at them) their new counts are answered, then cleared with the badge. */
  listFollows: { req: { markSeen?: boolean }; res: FollowedStoryView[] };
  /** popup | tests → background: re-checks every followed story now; answers how many were checked and how many new items were found. */
  checkFollowsNow: { req: Record<string, never>; res: { checked: number; newItems: number } };
}

export type MessageType = keyof ProtocolMap;
export type MessageRequest<T extends MessageType> = ProtocolMap[T]['req'];
export type MessageResponse<T extends MessageType> = ProtocolMap[T]['res'];

/** What travels on the wire. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: MessageRequest<T>;
}

/** Every reply is wrapped so that an error reaches the sender as an error, not as `undefined`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

// ---------------------------------------------------------------- validation

/** Longest text an `articleDetected` payload may carry; longer bodies are rejected, not truncated silently. */
export const MAX_TEXT_LENGTH = 2_000_000;
const MAX_FIELD_LENGTH = 4_000;
const MAX_URL_LENGTH = 8_000;
/** Largest page of history one message may ask for. */
export const MAX_HISTORY_LIMIT = 100_000;
/** Most results one history search may ask for. */
export const MAX_SEARCH_LIMIT = 1_000;
/** Largest import file, in characters (`utils/history-export.ts` checks it again). */
export const MAX_IMPORT_JSON = 50_000_000;

type Validator<T> = (value: unknown) => T;

class ValidationError extends Error {}

const fail = (what: string): never => {
  throw new ValidationError(what);
};

function str(value: unknown, field: string, max = MAX_FIELD_LENGTH): string {
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  if (value.length > max) return fail(`${field} is longer than ${max} characters`);
  return value;
}

const strOrNull = (value: unknown, field: string, max?: number): string | null =>
  value === null ? null : str(value, field, max);

function httpUrl(value: unknown, field: string): string {
  const raw = str(value, field, MAX_URL_LENGTH);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return fail(`${field} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`${field} must be http(s)`);
  return raw;
}

function count(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
    return fail(`${field} must be a whole number from 0 to ${max}`);
  return value;
}

/** Checks an Article payload field by field and returns a copy holding only the known fields. */
export const validateArticle: Validator<Article> = (value) => {
  if (!isRecord(value)) return fail('article must be an object');
  const publishedAt = strOrNull(value.publishedAt, 'publishedAt', 64);
  if (publishedAt !== null && Number.isNaN(Date.parse(publishedAt)))
    fail('publishedAt must be an ISO date or null');
  return {
    url: httpUrl(value.url, 'url'),
    canonicalUrl: httpUrl(value.canonicalUrl, 'canonicalUrl'),
    title: str(value.title, 'title'),
    byline: strOrNull(value.byline, 'byline'),
    siteName: strOrNull(value.siteName, 'siteName'),
    publishedAt,
    lang: strOrNull(value.lang, 'lang', 35),
    excerpt: str(value.excerpt, 'excerpt'),
    text: str(value.text, 'text', MAX_TEXT_LENGTH),
    wordCount: count(value.wordCount, 'wordCount', MAX_TEXT_LENGTH),
    readingMinutes: count(value.readingMinutes, 'readingMinutes', MAX_TEXT_LENGTH),
  };
};

/** `{ article, tabId? }`: an article the popup or sidebar asks about, and the tab it is on. */
function articleRequest(value: unknown, type: string): { article: Article; tabId?: number } {
  if (!isRecord(value)) return fail(`${type} needs { article }`);
  const article = validateArticle(value.article);
  if (value.tabId === undefined) return { article };
  return { article, tabId: count(value.tabId, 'tabId', Number.MAX_SAFE_INTEGER) };
}

const validators: { [T in MessageType]: Validator<MessageRequest<T>> } = {
  articleDetected: validateArticle,
  getHistory: (value) => {
    if (!isRecord(value)) return fail('getHistory needs { limit }');
    return { limit: count(value.limit, 'limit', MAX_HISTORY_LIMIT) };
  },
  getArticle: (value) => {
    if (value !== undefined && !isRecord(value)) return fail('getArticle takes no data');
    return {};
  },
  getContext: (value) => {
    const request: MessageRequest<'getContext'> = articleRequest(value, 'getContext');
    if (isRecord(value) && value.after !== undefined) request.after = count(value.after, 'after', Number.MAX_SAFE_INTEGER);
    return request;
  },
  getTabContext: (value) => {
    if (!isRecord(value)) return fail('getTabContext needs { tabId }');
    return { tabId: count(value.tabId, 'tabId', Number.MAX_SAFE_INTEGER) };
  },
  loadReader: (value) => {
    if (!isRecord(value)) return fail('loadReader needs { tabId }');
    return { tabId: count(value.tabId, 'tabId', Number.MAX_SAFE_INTEGER) };
  },
  toggleSidebar: (value) => {
    if (value !== undefined && !isRecord(value)) return fail('toggleSidebar takes no data');
    return {};
  },
  // Any string up to URL length: the handler explains what is wrong with it, in the reader's terms.
  validateFeed: (value) => {
    if (!isRecord(value)) return fail('validateFeed needs { url }');
    return { url: str(value.url, 'url', MAX_URL_LENGTH) };
  },
  searchHistory: (value) => {
    if (!isRecord(value)) return fail('searchHistory needs { query, limit }');
    const search: HistorySearch = { query: str(value.query, 'query', 500), limit: count(value.limit, 'limit', MAX_SEARCH_LIMIT) };
    if (value.site !== undefined) search.site = str(value.site, 'site', 253);
    if (value.entity !== undefined) search.entity = str(value.entity, 'entity', 200);
    if (value.from !== undefined) search.from = count(value.from, 'from', Number.MAX_SAFE_INTEGER);
    if (value.to !== undefined) search.to = count(value.to, 'to', Number.MAX_SAFE_INTEGER);
    return search;
  },
  deleteHistoryEntry: (value) => {
    if (!isRecord(value)) return fail('deleteHistoryEntry needs { canonicalUrl }');
    return { canonicalUrl: httpUrl(value.canonicalUrl, 'canonicalUrl') };
  },
  clearHistory: (value) => {
    if (value !== undefined && !isRecord(value)) return fail('clearHistory takes no data');
    return {};
  },
  exportHistory: (value) => {
    if (!isRecord(value) || (value.format !== 'json' && value.format !== 'csv')) return fail('format must be "json" or "csv"');
    return { format: value.format };
  },
  importHistory: (value) => {
    if (!isRecord(value)) return fail('importHistory needs { json }');
    return { json: str(value.json, 'json', MAX_IMPORT_JSON) };
  },
  followStory: (value) => articleRequest(value, 'followStory'),
  unfollowStory: (value) => {
    if (!isRecord(value) || typeof value.id !== 'string' || !/^[\w-]{1,64}$/.test(value.id)) return fail('unfollowStory needs { id } (a story id)');
    return { id: value.id };
  },
  listFollows: (value) => {
    if (value !== undefined && !isRecord(value)) return fail('listFollows takes { markSeen? }');
    if (value?.markSeen === undefined) return {};
    if (typeof value.markSeen !== 'boolean') return fail('markSeen must be true or false');
    return { markSeen: value.markSeen };
  },
  checkFollowsNow: (value) => {
    if (value !== undefined && !isRecord(value)) return fail('checkFollowsNow takes no data');
    return {};
  },
};

/**
 * Checks that `raw` is a known message with a well-formed payload.
 * Returns the envelope (payload copied, unknown fields dropped) or an error message.
 */
export function parseEnvelope(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { ok: false, error: 'malformed message' };
  if (!Object.hasOwn(validators, raw.type)) return { ok: false, error: `unknown message type: ${raw.type.slice(0, 64)}` };
  const type = raw.type as MessageType;
  try {
    const data = validators[type](raw.data);
    return { ok: true, envelope: { type, data } as Envelope };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: `invalid ${type}: ${error.message}` };
    throw error;
  }
}

// ---------------------------------------------------------------- receiving

export type MessageSender = Browser.runtime.MessageSender;

/** The handlers one context answers. Each receives validated data. */
export type Handlers<T extends MessageType> = {
  [K in T]: (data: MessageRequest<K>, sender: MessageSender) => MessageResponse<K> | Promise<MessageResponse<K>>;
};

/**
 * Whether `sender` is one of the extension's own pages (the popup, the side panel, the options page,
 * opened as such or in a tab), not a content script: a content script's address is the web page's.
 * `sender.tab` does not tell: an extension page opened in a tab has one too.
 */
export function isExtensionPage(sender: MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * Builds a `runtime.onMessage` listener that answers the given message types.
 * Malformed messages and unknown types are answered with `{ ok: false, error }`; so is a
 * handled type with a bad payload, and a handler that throws: the worker never crashes on bad input.
 * A known type this context has no handler for is left unanswered (undefined) for its real receiver.
 * Answers through `sendResponse` and returns `true` (WXT's fake browser ignores returned promises and
 * replies only when a listener returns `true`; real browsers and the polyfill accept both).
 */
export function createMessageListener<T extends MessageType>(handlers: Handlers<T>) {
  const answer = (raw: unknown, sender: MessageSender, sendResponse: (reply: Reply<unknown>) => void): true | undefined => {
    const type = isRecord(raw) && typeof raw.type === 'string' && Object.hasOwn(validators, raw.type) ? raw.type : undefined;
    // A known message this context does not answer: stay silent so that the right receiver can.
    if (type !== undefined && !Object.hasOwn(handlers, type)) return undefined;
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error });
      return true;
    }
    const handler = handlers[parsed.envelope.type as T] as (d: unknown, s: MessageSender) => unknown;
    Promise.resolve()
      .then(() => handler(parsed.envelope.data, sender))
      .then(
        (result) => sendResponse({ ok: true, data: result }),
        (error: unknown) => sendResponse({ ok: false, error: errorMessage(error) }),
      );
    return true;
  };
  return (raw: unknown, sender: MessageSender, sendResponse: (reply: Reply<unknown>) => void): true | undefined => {
    try {
      return answer(raw, sender, sendResponse);
    } catch (error) {
      // Last line of defence: nothing a message carries may throw out of the listener.
      sendResponse({ ok: false, error: errorMessage(error) });
      return true;
    }
  };
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// ---------------------------------------------------------------- sending

function unwrap<T>(reply: unknown, type: string): T {
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') throw new Error(`no answer to ${type}`);
  if (!reply.ok) throw new Error(typeof reply.error === 'string' ? reply.error : `${type} failed`);
  return reply.data as T;
}

/** Sends a message to the background (or any extension page) and returns its answer; rejects with the receiver's error. */
export async function sendMessage<T extends MessageType>(type: T, data: MessageRequest<T>): Promise<MessageResponse<T>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, data } satisfies Envelope<T>);
  return unwrap(reply, type);
}

/** Sends a message to the content script of one tab and returns its answer. */
export async function sendTabMessage<T extends MessageType>(
  tabId: number,
  type: T,
  data: MessageRequest<T>,
): Promise<MessageResponse<T>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type, data } satisfies Envelope<T>);
  return unwrap(reply, type);
}

/**
 * Where the reader runs but did not answer, it is asked again after these waits (ms). A page's reader
 * may be between two copies for a moment (the detector's import and the background's injection
 * racing: the newer copy stops the older one), or still setting up in a page that is loading.
 */
export const READER_ANSWER_RETRIES: readonly number[] = [100, 400];

/**
 * `sendReaderMessage` over another way of sending to a tab (tests give theirs): see {@link sendReaderMessage}.
 */
export function loadReaderThen(send: typeof sendTabMessage) {
  return async <T extends MessageType>(
    tabId: number,
    type: T,
    data: MessageRequest<T>,
    loadReader: (tabId: number) => Promise<{ running: boolean }>,
  ): Promise<MessageResponse<T>> => {
    try {
      return await send(tabId, type, data);
    } catch (error) {
      const loaded = await loadReader(tabId).catch(() => null);
      if (!loaded?.running) throw error;
      for (const wait of READER_ANSWER_RETRIES) {
        try {
          return await send(tabId, type, data);
        } catch {
          await new Promise((done) => setTimeout(done, wait));
        }
      }
      return send(tabId, type, data);
    }
  };
}

/**
 * {@link sendTabMessage} to the reader of a tab. A page without the reader (the detector ruled it
 * out, or it was open before Backstory was installed) gets it loaded by `loadReader`, then is asked
 * again (a few times: {@link READER_ANSWER_RETRIES}); the first error stands when the reader cannot
 * run there (browser pages, the web store).
 */
export const sendReaderMessage = loadReaderThen(sendTabMessage);
