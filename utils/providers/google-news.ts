/**
 * Google News search as RSS.
 *
 * API: undocumented but long-stable RSS endpoint, https://news.google.com/rss/search
 * (parameters as used by the News web app: q, hl, gl, ceid). Query operators as in Google
 * search: "quoted phrases", OR, when:7d, after:YYYY-MM-DD, before:YYYY-MM-DD.
 * Limits: no key; at most 100 items per response; unofficial rate limit (bursts get a
 * consent/“unusual traffic” HTML page), so keep ≥ 1 s between requests.
 * Items: title "Headline - Outlet", link is a news.google.com redirect, <source url> is the
 * outlet, description is escaped HTML, sometimes an <ol> of more outlets on the same story.
 *
 * Test queries:
 *   https://news.google.com/rss/search?q=%22Harwick%22+%22flood+barrier%22+when:7d&hl=en-GB&gl=GB&ceid=GB:en
 *   https://news.google.com/rss/search?q=(%22Recep+Tayyip+Erdo%C4%9Fan%22+OR+Erdogan)+Istanbul&hl=en-US&gl=US&ceid=US:en
 *   https://news.google.com/rss/search?q=Valpara%C3%ADso+incendio&hl=es-419&gl=CL&ceid=CL:es-419
 */
import { MAX_ITEMS, parseXmlBody } from '../related/provider-body';
import { formatQueryTerms, queryTimeRange, type QuerySyntax } from '../related/query';
import { makeStory } from '../related/normalize';
import type { RelatedQuery, RelatedStory } from '../related/types';
import { childElement, childElements, childText, parseXml, textContent, type XmlElement } from '../related/xml';
import type { NewsProvider, ProviderRequest } from './types';

const ID = 'google-news';

/** Google search syntax: ANDed words, "phrases", OR; folds accents itself. */
export const GOOGLE_SYNTAX: QuerySyntax = { minWordLength: 1, foldsAccents: true, concepts: { near: 3, wide: 2 }, maxLength: 200 };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `q` parameter: names and terms, then a time window (after:/before: when the date is known, else when:). */
export function googleNewsQuery(query: RelatedQuery): string {
  const range = queryTimeRange(query);
  const time = range ? `after:${isoDay(range.from)} before:${isoDay(range.to)}` : query.window === 'near' ? 'when:7d' : '';
  const terms = formatQueryTerms(query, GOOGLE_SYNTAX, time.length + 1);
  return terms ? [terms, time].filter(Boolean).join(' ') : '';
}

/** Cluster entries of a description: `<li><a href>Headline</a>&nbsp;<font>Outlet</font></li>`. */
function clusterItems(descriptionHtml: string): { title: string; url: string; source: string }[] {
  if (!descriptionHtml.includes('<li')) return [];
  let doc: XmlElement;
  try {
    doc = parseXml(descriptionHtml);
  } catch {
    return [];
  }
  const out: { title: string; url: string; source: string }[] = [];
  const stack: XmlElement[] = [doc];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === 'li') {
      const link = childElement(el, 'a');
      const font = childElement(el, 'font');
      if (link?.attrs.href) out.push({ title: textContent(link), url: link.attrs.href, source: textContent(font) });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

function mapItems(channel: XmlElement, lang: string | null): RelatedStory[] {
  const stories: RelatedStory[] = [];
  const seen = new Set<string>();
  const add = (story: RelatedStory | null) => {
    if (!story || stories.length >= MAX_ITEMS) return;
    const key = `${story.title.toLowerCase()}|${story.source.toLowerCase()}`;
    if (seen.has(key) || seen.has(story.url)) return;
    seen.add(key);
    seen.add(story.url);
    stories.push(story);
  };
  for (const item of childElements(channel, 'item')) {
    const sourceEl = childElement(item, 'source');
    const source = textContent(sourceEl).trim();
    const title = childText(item, 'title');
    // Without <source>, Google's title still ends in " - Outlet": take the outlet from there.
    const suffix = / - ([^-]{1,100})$/.exec(title)?.[1];
    const story = makeStory({
      title,
      url: childText(item, 'link'),
      source: source || suffix || null,
      sourceUrl: sourceEl?.attrs.url ?? null,
      publishedAt: childText(item, 'pubdate'),
      description: null,
      lang,
      provider: ID,
    });
    if (story && !sourceEl?.attrs.url) story.domain = '';
    add(story);
    for (const extra of clusterItems(textContent(childElement(item, 'description')))) {
      const clustered = makeStory({ title: extra.title, url: extra.url, source: extra.source, lang, provider: ID });
      // The redirect URL hides the outlet's host: domain unknown.
      if (clustered) clustered.domain = '';
      add(clustered);
    }
  }
  return stories;
}

/** Google News RSS search. */
export const googleNewsProvider: NewsProvider = {
  id: ID,
  name: 'Google News',
  origin: 'https://news.google.com',
  minIntervalMs: 1000,
  buildRequest(query: RelatedQuery, origin = 'https://news.google.com'): ProviderRequest | null {
    const q = googleNewsQuery(query);
    if (!q) return null;
    const region = /^[A-Z]{2}$/.test(query.region) ? query.region : 'US';
    const params = new URLSearchParams({ q, hl: `${query.lang}-${region}`, gl: region, ceid: `${region}:${query.lang}` });
    return { url: `${origin}/rss/search?${params}` };
  },
  parseResponse(body: string): RelatedStory[] {
    const rss = parseXmlBody(body, ['rss'], 'Google News');
    const channel = childElement(rss, 'channel');
    if (!channel) return [];
    const lang = childText(channel, 'language').split('-')[0] || null;
    return mapItems(channel, lang);
  },
};
