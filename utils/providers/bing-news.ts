/**
 * Bing News search as RSS.
 *
 * API: the RSS output of the public news search page, https://www.bing.com/news/search?q=…&format=rss
 * (not the paid Bing News Search API, which needs a key and was retired in 2025).
 * Query syntax: "quoted phrases", OR, implicit AND; accents folded by Bing.
 * Limits: no key; ~10–20 items per response; no published rate limit, keep ≥ 1 s apart.
 * Items: <title>, <description> (plain text), <pubDate> (RFC 822), <link> is a click-tracking
 * redirect `…/news/apiclick.aspx?…&url=<encoded real URL>&…`, outlet in `<News:Source>`
 * (the namespace prefix varies between responses; matched by local name).
 *
 * Test queries:
 *   https://www.bing.com/news/search?q=Northline+strike+guards&format=rss
 *   https://www.bing.com/news/search?q=(%22Mohammed+al-Rashidi%22+OR+%22Muhammad+al-Rashidi%22)+Geneva&format=rss
 *   https://www.bing.com/news/search?q=M%C3%BCnchen+Landgericht&format=rss&setlang=de&cc=DE
 */
import { MAX_ITEMS, parseXmlBody } from '../related/provider-body';
import { formatQueryTerms, type QuerySyntax } from '../related/query';
import { makeStory } from '../related/normalize';
import type { RelatedQuery, RelatedStory } from '../related/types';
import { childElement, childElements, childText } from '../related/xml';
import type { NewsProvider, ProviderRequest } from './types';

const ID = 'bing-news';

/** Bing syntax: ANDed words, "phrases", OR; no date operator in the RSS endpoint. */
export const BING_SYNTAX: QuerySyntax = { minWordLength: 1, foldsAccents: true, concepts: { near: 3, wide: 2 }, maxLength: 200 };

/** The real article URL behind a Bing click-tracking link (its `url` parameter), else the link itself. */
export function unwrapBingLink(link: string): string {
  try {
    const url = new URL(link.trim());
    if (/(^|\.)bing\.com$/i.test(url.hostname)) {
      const target = url.searchParams.get('url');
      if (target) return target;
    }
  } catch {
    // Not absolute: returned as is; makeStory drops it.
  }
  return link;
}

/** Bing News RSS search. */
export const bingNewsProvider: NewsProvider = {
  id: ID,
  name: 'Bing News',
  origin: 'https://www.bing.com',
  minIntervalMs: 1000,
  buildRequest(query: RelatedQuery, origin = 'https://www.bing.com'): ProviderRequest | null {
    const q = formatQueryTerms(query, BING_SYNTAX);
    if (!q) return null;
    const params = new URLSearchParams({ q, format: 'rss', setlang: query.lang });
    if (/^[A-Z]{2}$/.test(query.region)) params.set('cc', query.region);
    return { url: `${origin}/news/search?${params}` };
  },
  parseResponse(body: string): RelatedStory[] {
    const rss = parseXmlBody(body, ['rss'], 'Bing News');
    const channel = childElement(rss, 'channel');
    if (!channel) return [];
    const lang = childText(channel, 'language').split('-')[0] || null;
    const stories: RelatedStory[] = [];
    for (const item of childElements(channel, 'item')) {
      if (stories.length >= MAX_ITEMS) break;
      const story = makeStory({
        title: childText(item, 'title'),
        url: unwrapBingLink(childText(item, 'link')),
        source: childText(item, 'source') || null,
        publishedAt: childText(item, 'pubdate'),
        description: childText(item, 'description'),
        lang,
        provider: ID,
      });
      if (story && !stories.some((s) => s.url === story.url)) stories.push(story);
    }
    return stories;
  },
};
