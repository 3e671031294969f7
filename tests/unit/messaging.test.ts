import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '@/utils/article/types';
import {
  MAX_HISTORY_LIMIT,
  MAX_TEXT_LENGTH,
  createMessageListener,
  parseEnvelope,
  sendMessage,
  READER_ANSWER_RETRIES,
  sendReaderMessage,
  sendTabMessage,
  validateArticle,
  type MessageSender,
  type Reply,
} from '@/utils/messaging';

const article: Article = {
  url: 'https://www.example.com/news/1?utm_source=x',
  canonicalUrl: 'https://www.example.com/news/1',
  title: 'A headline',
  byline: 'Jane Doe',
  siteName: 'Example News',
  publishedAt: '2025-03-01T10:00:00Z',
  lang: 'en',
  excerpt: 'What happened.',
  text: 'First paragraph.\n\nSecond paragraph.',
  wordCount: 4,
  readingMinutes: 1,
};

const rejection = (raw: unknown): string => {
  const parsed = parseEnvelope(raw);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return parsed.error;
};

describe('validateArticle', () => {
  it('accepts a well-formed article and copies only the known fields', () => {
    const copy = validateArticle({ ...article, html: '<script>x</script>', extra: 1 });
    expect(copy).toEqual(article);
    expect(copy).not.toHaveProperty('html');
    expect(copy).not.toHaveProperty('extra');
  });

  it('accepts null for the optional fields', () => {
    const sparse = { ...article, byline: null, siteName: null, publishedAt: null, lang: null };
    expect(validateArticle(sparse)).toEqual(sparse);
  });

  it.each(Object.keys(article))('rejects an article without %s, naming the field', (field) => {
    const { [field as keyof Article]: _dropped, ...rest } = article;
    expect(rejection({ type: 'articleDetected', data: rest })).toMatch(new RegExp(`^invalid articleDetected: ${field} `));
  });

  it.each([
    ['title', 42, /title must be a string/],
    ['byline', 7, /byline must be a string/],
    ['excerpt', ['a'], /excerpt must be a string/],
    ['wordCount', '4', /wordCount must be a whole number/],
    ['wordCount', -1, /wordCount must be a whole number/],
    ['readingMinutes', 1.5, /readingMinutes must be a whole number/],
    ['wordCount', MAX_TEXT_LENGTH + 1, /wordCount must be a whole number/],
    ['publishedAt', 'last Tuesday-ish', /publishedAt must be an ISO date/],
    ['url', 'not a url', /url is not a URL/],
  ])('rejects %s = %j', (field, value, message) => {
    expect(rejection({ type: 'articleDetected', data: { ...article, [field]: value } })).toMatch(message);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://example.com/a', 'chrome://settings'])(
    'rejects the non-http(s) URL %s',
    (url) => {
      expect(rejection({ type: 'articleDetected', data: { ...article, url } })).toBe(
        'invalid articleDetected: url must be http(s)',
      );
      expect(rejection({ type: 'articleDetected', data: { ...article, canonicalUrl: url } })).toBe(
        'invalid articleDetected: canonicalUrl must be http(s)',
      );
    },
  );

  it('rejects strings that are too long instead of truncating them', () => {
    expect(rejection({ type: 'articleDetected', data: { ...article, title: 'x'.repeat(4001) } })).toMatch(
      /title is longer than 4000 characters/,
    );
    expect(
      rejection({ type: 'articleDetected', data: { ...article, url: `https://example.com/${'a'.repeat(8000)}` } }),
    ).toMatch(/url is longer than 8000 characters/);
    expect(rejection({ type: 'articleDetected', data: { ...article, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) } })).toMatch(
      /text is longer than/,
    );
    expect(validateArticle({ ...article, title: 'x'.repeat(4000) }).title).toHaveLength(4000);
  });

  it('rejects an article that is not an object', () => {
    expect(() => validateArticle(null)).toThrow('article must be an object');
    expect(() => validateArticle([article])).toThrow('article must be an object');
  });
});

describe('parseEnvelope', () => {
  it.each([null, undefined, 'articleDetected', 42, [], { data: {} }, { type: 7, data: {} }])(
    'rejects the non-message %j as malformed',
    (raw) => {
      expect(rejection(raw)).toBe('malformed message');
    },
  );

  it('rejects unknown message types, quoting a bounded part of the name', () => {
    expect(rejection({ type: 'deleteEverything', data: {} })).toBe('unknown message type: deleteEverything');
    expect(rejection({ type: '__proto__', data: {} })).toBe('unknown message type: __proto__');
    expect(rejection({ type: 'x'.repeat(1000) })).toHaveLength('unknown message type: '.length + 64);
  });

  it('accepts getHistory with a whole-number limit and drops extra fields', () => {
    expect(parseEnvelope({ type: 'getHistory', data: { limit: 20, sql: 'DROP' } })).toEqual({
      ok: true,
      envelope: { type: 'getHistory', data: { limit: 20 } },
    });
  });

  it.each([undefined, {}, { limit: -1 }, { limit: 2.5 }, { limit: '10' }, { limit: MAX_HISTORY_LIMIT + 1 }])(
    'rejects getHistory with %j',
    (data) => {
      expect(rejection({ type: 'getHistory', data })).toMatch(/^invalid getHistory: /);
    },
  );

  it('accepts getArticle with no data and rejects it with non-object data', () => {
    expect(parseEnvelope({ type: 'getArticle' })).toEqual({ ok: true, envelope: { type: 'getArticle', data: {} } });
    expect(rejection({ type: 'getArticle', data: 'please' })).toBe('invalid getArticle: getArticle takes no data');
  });

  it('accepts getContext with an article and an optional tab id, dropping unknown fields', () => {
    expect(parseEnvelope({ type: 'getContext', data: { article, tabId: 7, url: 'x' } })).toEqual({
      ok: true,
      envelope: { type: 'getContext', data: { article, tabId: 7 } },
    });
    expect(parseEnvelope({ type: 'getContext', data: { article } })).toEqual({
      ok: true,
      envelope: { type: 'getContext', data: { article } },
    });
    // The version the asker shows: the answer waits for a newer one.
    expect(parseEnvelope({ type: 'getContext', data: { article, after: 12 } })).toEqual({
      ok: true,
      envelope: { type: 'getContext', data: { article, after: 12 } },
    });
  });

  it.each([undefined, {}, { article: { ...article, url: 'javascript:alert(1)' } }, { article, tabId: -1 }, { article, tabId: '3' }, { article, after: -1 }, { article, after: 1.5 }, { article, after: '3' }])(
    'rejects getContext with %j',
    (data) => {
      expect(rejection({ type: 'getContext', data })).toMatch(/^invalid getContext: /);
    },
  );
});

/** Calls a listener the way the browser does and collects what it answered. */
async function deliver(
  listener: ReturnType<typeof createMessageListener>,
  raw: unknown,
  sender: MessageSender = {},
): Promise<{ returned: true | undefined; reply: Reply<unknown> | undefined }> {
  let reply: Reply<unknown> | undefined;
  let answered!: () => void;
  const done = new Promise<void>((resolve) => (answered = resolve));
  const returned = listener(raw, sender, (r) => {
    reply = r;
    answered();
  });
  if (returned === true) await done;
  return { returned, reply };
}

describe('createMessageListener', () => {
  it('answers a handled message with { ok: true, data } from the handler', async () => {
    const listener = createMessageListener({ getHistory: ({ limit }) => Array(limit).fill(null) });
    expect(await deliver(listener, { type: 'getHistory', data: { limit: 2 } })).toEqual({
      returned: true,
      reply: { ok: true, data: [null, null] },
    });
  });

  it('passes the handler the validated copy of the payload and the sender', async () => {
    const articleDetected = vi.fn(async () => ({ recorded: true }));
    const listener = createMessageListener({ articleDetected });
    const sender = { tab: { id: 3, incognito: false } } as MessageSender;
    const { reply } = await deliver(listener, { type: 'articleDetected', data: { ...article, extra: 'x' } }, sender);
    expect(reply).toEqual({ ok: true, data: { recorded: true } });
    expect(articleDetected).toHaveBeenCalledWith(article, sender);
  });

  it('answers { ok: false, error } when the handler throws or rejects', async () => {
    const throwing = createMessageListener({
      getHistory: () => {
        throw new Error('database is gone');
      },
    });
    expect((await deliver(throwing, { type: 'getHistory', data: { limit: 1 } })).reply).toEqual({
      ok: false,
      error: 'database is gone',
    });
    const rejecting = createMessageListener({ getHistory: () => Promise.reject('plain string') });
    expect((await deliver(rejecting, { type: 'getHistory', data: { limit: 1 } })).reply).toEqual({
      ok: false,
      error: 'plain string',
    });
  });

  it('answers malformed messages and bad payloads with an error and never calls the handler', async () => {
    const getHistory = vi.fn(() => []);
    const listener = createMessageListener({ getHistory });
    for (const raw of [null, 'hi', { type: 'nope' }, { type: 'getHistory', data: { limit: -5 } }]) {
      const { returned, reply } = await deliver(listener, raw);
      expect(returned).toBe(true);
      expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    }
    expect(getHistory).not.toHaveBeenCalled();
  });

  it('never throws out of the listener, even when reading the message throws', async () => {
    const listener = createMessageListener({ getHistory: () => [] });
    const hostile = {
      get type(): string {
        throw new Error('boom');
      },
    };
    const sendResponse = vi.fn();
    expect(() => listener(hostile, {}, sendResponse)).not.toThrow();
    expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'boom' });
  });

  it('stays silent for a known message it has no handler for, even with a bad payload', async () => {
    const listener = createMessageListener({ getHistory: () => [] });
    const sendResponse = vi.fn();
    expect(listener({ type: 'getArticle', data: {} }, {}, sendResponse)).toBeUndefined();
    expect(listener({ type: 'articleDetected', data: { url: 'javascript:x' } }, {}, sendResponse)).toBeUndefined();
    await Promise.resolve();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

describe('sendMessage', () => {
  it('resolves with the data of a successful reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(createMessageListener({ getHistory: ({ limit }) => Array(limit).fill(null) }));
    await expect(sendMessage('getHistory', { limit: 3 })).resolves.toEqual([null, null, null]);
  });

  it("rejects with the receiver's error message", async () => {
    fakeBrowser.runtime.onMessage.addListener(
      createMessageListener({
        getHistory: () => {
          throw new Error('storage is full');
        },
      }),
    );
    await expect(sendMessage('getHistory', { limit: 3 })).rejects.toThrow('storage is full');
  });

  it('rejects with the validation error for a payload the receiver refuses', async () => {
    fakeBrowser.runtime.onMessage.addListener(createMessageListener({ articleDetected: () => ({ recorded: true }) }));
    await expect(sendMessage('articleDetected', { ...article, url: 'javascript:alert(1)' })).rejects.toThrow(
      'invalid articleDetected: url must be http(s)',
    );
  });

  it('rejects when no receiver answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(createMessageListener({ articleDetected: () => ({ recorded: true }) }));
    await expect(sendMessage('getHistory', { limit: 1 })).rejects.toThrow('no answer to getHistory');
  });
});

describe('sendTabMessage', () => {
  it('sends the envelope to the given tab and unwraps the reply', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, data: article } as never);
    await expect(sendTabMessage(7, 'getArticle', {})).resolves.toEqual(article);
    expect(send).toHaveBeenCalledWith(7, { type: 'getArticle', data: {} });
  });

  it('rejects with the content script error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'not an article page' } as never);
    await expect(sendTabMessage(7, 'getArticle', {})).rejects.toThrow('not an article page');
  });
});

describe('sendReaderMessage', () => {
  it('asks the page directly when its reader answers, without loading anything', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, data: article } as never);
    const loadReader = vi.fn();
    await expect(sendReaderMessage(7, 'getArticle', {}, loadReader)).resolves.toEqual(article);
    expect(loadReader).not.toHaveBeenCalled();
  });

  it('loads the reader into a page the detector ruled out, then asks again', async () => {
    // Chrome's error when no content script listens: the reader is not in the page yet.
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, data: null } as never);
    const loadReader = vi.fn().mockResolvedValue({ running: true });
    await expect(sendReaderMessage(7, 'getArticle', {}, loadReader)).resolves.toBeNull();
    expect(loadReader).toHaveBeenCalledWith(7);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks a running reader again when it does not answer at once (two copies taking over, a loading page)', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, data: article } as never);
    const loadReader = vi.fn().mockResolvedValue({ running: true });
    await expect(sendReaderMessage(7, 'getArticle', {}, loadReader)).resolves.toEqual(article);
    expect(loadReader).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('gives up on a running reader that never answers, with the last error, after the retries', async () => {
    vi.useFakeTimers();
    try {
      const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
      const loadReader = vi.fn().mockResolvedValue({ running: true });
      const answer = sendReaderMessage(7, 'getArticle', {}, loadReader);
      const settled = expect(answer).rejects.toThrow('Receiving end does not exist.');
      await vi.runAllTimersAsync();
      await settled;
      // The first ask, then one after loading, one after each wait.
      expect(send).toHaveBeenCalledTimes(2 + READER_ANSWER_RETRIES.length);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the first error where the reader cannot run (a browser page)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    const loadReader = vi.fn().mockRejectedValue(new Error('no detector either'));
    await expect(sendReaderMessage(7, 'getArticle', {}, loadReader)).rejects.toThrow('Receiving end does not exist.');
  });
});

describe('loadReader', () => {
  it('takes a tab id and nothing else', () => {
    expect(parseEnvelope({ type: 'loadReader', data: { tabId: 4, url: 'https://example.com/' } })).toEqual({ ok: true, envelope: { type: 'loadReader', data: { tabId: 4 } } });
    expect(rejection({ type: 'loadReader', data: {} })).toMatch(/tabId/);
    expect(rejection({ type: 'loadReader', data: 'https://example.com/' })).toMatch(/loadReader needs \{ tabId \}/);
  });
});

describe('history management messages', () => {
  it('accepts searchHistory with its optional filters and drops unknown fields', () => {
    const data = { query: 'flood', site: 'example.com', entity: 'Harwick', from: 1, to: 2, limit: 50, extra: true };
    expect(parseEnvelope({ type: 'searchHistory', data })).toEqual({
      ok: true,
      envelope: { type: 'searchHistory', data: { query: 'flood', site: 'example.com', entity: 'Harwick', from: 1, to: 2, limit: 50 } },
    });
    expect(parseEnvelope({ type: 'searchHistory', data: { query: '', limit: 5 } })).toEqual({
      ok: true,
      envelope: { type: 'searchHistory', data: { query: '', limit: 5 } },
    });
  });

  it.each([
    undefined,
    { query: 'x' },
    { query: 3, limit: 5 },
    { query: 'x'.repeat(501), limit: 5 },
    { query: 'x', limit: 5, from: -1 },
    { query: 'x', limit: 5, to: 'yesterday' },
    { query: 'x', limit: 5, site: 42 },
    { query: 'x', limit: 100_000 },
  ])('rejects searchHistory with %j', (data) => {
    expect(rejection({ type: 'searchHistory', data })).toMatch(/^invalid searchHistory: /);
  });

  it('accepts deleteHistoryEntry only with an http(s) canonical URL', () => {
    expect(parseEnvelope({ type: 'deleteHistoryEntry', data: { canonicalUrl: 'https://example.com/a' } })).toMatchObject({ ok: true });
    expect(rejection({ type: 'deleteHistoryEntry', data: { canonicalUrl: 'javascript:alert(1)' } })).toMatch(/must be http/);
    expect(rejection({ type: 'deleteHistoryEntry', data: {} })).toMatch(/^invalid deleteHistoryEntry/);
  });

  it('accepts clearHistory with no data, exportHistory as json or csv, and importHistory with a string', () => {
    expect(parseEnvelope({ type: 'clearHistory', data: {} })).toEqual({ ok: true, envelope: { type: 'clearHistory', data: {} } });
    expect(rejection({ type: 'clearHistory', data: 'all' })).toMatch(/takes no data/);
    expect(parseEnvelope({ type: 'exportHistory', data: { format: 'csv' } })).toMatchObject({ ok: true });
    expect(rejection({ type: 'exportHistory', data: { format: 'xml' } })).toMatch(/format must be/);
    expect(parseEnvelope({ type: 'importHistory', data: { json: '{}' } })).toMatchObject({ ok: true });
    expect(rejection({ type: 'importHistory', data: { json: {} } })).toMatch(/json must be a string/);
  });
});
