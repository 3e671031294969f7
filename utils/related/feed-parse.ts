/**
 * The reader's own feeds: parsing RSS 2.0 (and 0.9x/1.0), Atom 1.0 and JSON Feed 1.x into
 * stories, and searching stored items locally for an article's query. Polling and storage
 * live elsewhere; this is pure.
 */
import { ProviderFormatError } from '../providers/types';
import { MAX_BODY_CHARS, MAX_ITEMS, bodyPreview, looksLikeHtml, parseXmlBody } from './provider-body';
import { collapseWhitespace, makeStory } from './normalize';
import { queryTimeRange } from './query';
import { buildProfile, isRelated, matchCandidate } from './similarity';
import type { RelatedQuery, RelatedStory } from './types';
import { childElement, childElements, childText, textContent, type XmlElement } from './xml';

/** Provider id given to feed items. */
export const FEEDS_PROVIDER_ID = 'feeds';

/** A parsed feed. */
export interface ParsedFeed {
  /** Feed title (plain text), or the feed URL's host when it has none. */
  title: string;
  /** Which format it was. */
  format: 'rss' | 'atom' | 'json-feed';
  /** Items with an http(s) link and a title, newest order as in the feed. */
  items: RelatedStory[];
}

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function langOf(raw: string | undefined | null): string | null {
  const primary = (raw ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function parseRss(root: XmlElement, feedUrl: string): ParsedFeed {
  // RSS 2.0 keeps items in <channel>; RSS 1.0 (RDF) beside it.
  const channel = childElement(root, 'channel');
  const title = collapseWhitespace(channel ? childText(channel, 'title') : '') || host(feedUrl);
  const lang = langOf(channel ? childText(channel, 'language') : null);
  const itemEls = [...(channel ? childElements(channel, 'item') : []), ...childElements(root, 'item')];
  const items: RelatedStory[] = [];
  for (const item of itemEls) {
    if (items.length >= MAX_ITEMS) break;
    // <content:encoded> is the fuller text; <description> is usually the summary.
    const description = childText(item, 'description') || childText(item, 'encoded');
    const guid = childElement(item, 'guid');
    const permalink = guid && guid.attrs.ispermalink !== 'false' ? textContent(guid).trim() : '';
    const story = makeStory({
      title: childText(item, 'title'),
      url: childText(item, 'link') || permalink,
      source: title,
      publishedAt: childText(item, 'pubdate') || childText(item, 'date') || null,
      description,
      lang,
      provider: FEEDS_PROVIDER_ID,
      base: feedUrl,
    });
    if (story) items.push(story);
  }
  return { title, format: 'rss', items };
}

function atomLink(entry: XmlElement): string {
  const links = childElements(entry, 'link');
  const alternate = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
  return alternate?.attrs.href ?? '';
}

function parseAtom(root: XmlElement, feedUrl: string): ParsedFeed {
  const title = collapseWhitespace(childText(root, 'title')) || host(feedUrl);
  const feedLang = langOf(root.attrs.lang);
  const items: RelatedStory[] = [];
  for (const entry of childElements(root, 'entry')) {
    if (items.length >= MAX_ITEMS) break;
    const story = makeStory({
      title: childText(entry, 'title'),
      url: atomLink(entry),
      source: title,
      publishedAt: childText(entry, 'published') || childText(entry, 'updated') || null,
      description: childText(entry, 'summary') || childText(entry, 'content'),
      lang: langOf(entry.attrs.lang) ?? feedLang,
      provider: FEEDS_PROVIDER_ID,
      base: feedUrl,
    });
    if (story) items.push(story);
  }
  return { title, format: 'atom', items };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function parseJsonFeed(body: string, feedUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ProviderFormatError(`Feed: malformed JSON ("${bodyPreview(body)}")`);
  }
  const feed = data as Record<string, unknown> | null;
  if (!feed || typeof feed !== 'object' || !str(feed.version)?.startsWith('https://jsonfeed.org/version/')) {
    throw new ProviderFormatError('Feed: JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  }
  const title = collapseWhitespace(str(feed.title) ?? '') || host(feedUrl);
  const feedLang = langOf(str(feed.language));
  const items: RelatedStory[] = [];
  for (const entry of Array.isArray(feed.items) ? feed.items : []) {
    if (items.length >= MAX_ITEMS) break;
    if (!entry || typeof entry !== 'object') continue;
    const item = entry as Record<string, unknown>;
    const story = makeStory({
      title: str(item.title) ?? str(item.summary),
      url: str(item.url) ?? str(item.external_url),
      source: title,
      publishedAt: str(item.date_published) ?? str(item.date_modified),
      description: str(item.summary) ?? str(item.content_text) ?? str(item.content_html),
      lang: langOf(str(item.language)) ?? feedLang,
      provider: FEEDS_PROVIDER_ID,
      base: feedUrl,
    });
    if (story) items.push(story);
  }
  return { title, format: 'json-feed', items };
}

/**
 * Parses a feed body, detecting the format: JSON Feed (a JSON object with a jsonfeed.org
 * `version`), RSS 0.9x/1.0/2.0 (`<rss>` or `<rdf:RDF>`) or Atom 1.0 (`<feed>`). Relative
 * links resolve against `feedUrl`; items without an http(s) link or a title are dropped.
 * Throws {@link ProviderFormatError} with a readable reason for anything else (an HTML
 * page, other XML, malformed JSON).
 */
export function parseFeed(body: string, feedUrl: string): ParsedFeed {
  const text = (body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body).replace(/^\ufeff/, '').trim();
  if (!text) throw new ProviderFormatError('Feed: empty body');
  if (text.startsWith('{')) return parseJsonFeed(text, feedUrl);
  if (looksLikeHtml(text)) {
    throw new ProviderFormatError('Feed: this is a web page, not a feed (expected RSS, Atom or JSON Feed)');
  }
  const root = parseXmlBody(text, ['rss', 'rdf', 'feed'], 'Feed');
  return root.name === 'feed' ? parseAtom(root, feedUrl) : parseRss(root, feedUrl);
}

/** Options for {@link searchFeedItems}. */
export interface FeedSearchOptions {
  /** At most this many items (default 50). */
  limit?: number;
}

/**
 * Stored feed items that match a query, best first. The same evidence rules as ranking
 * (`similarity.ts`): an item must carry one of the query's names (any variant, accent- and
 * transliteration-insensitive) plus a second name or a key term, or a place or surname plus
 * two key terms. Items outside the query's time window (when it has a date) are left out.
 * Matching is local; nothing leaves the device.
 */
export function searchFeedItems(items: readonly RelatedStory[], query: RelatedQuery, options: FeedSearchOptions = {}): RelatedStory[] {
  const limit = options.limit ?? 50;
  const profile = buildProfile('', query);
  const range = queryTimeRange(query);
  const scored: { item: RelatedStory; score: number }[] = [];
  for (const item of items) {
    if (range && item.publishedAt) {
      const t = Date.parse(item.publishedAt);
      if (t < range.from || t > range.to) continue;
    }
    const match = matchCandidate(profile, item.title, item.description);
    if (isRelated(match)) scored.push({ item, score: match.content });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.item);
}
