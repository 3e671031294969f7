/**
 * Article extraction: Readability on a copy of the document, page metadata on top,
 * block-aware text from Readability's article element. Pure: never touches the live
 * document, `location` or `browser.*`, so it runs in the content script and in Node
 * (happy-dom, linkedom) alike.
 */
import { Readability } from '@mozilla/readability';
import { classifyPage } from './detect';
import { cleanByline, normalizeDate, normalizeLang, readMetadata, stripSiteSuffix, type PageMetadata } from './metadata';
import { getBlockText, measureText } from './text';
import type { Article } from './types';

/** Longest title/byline/site name/excerpt kept; the message protocol rejects longer fields. */
const MAX_FIELD = 1_000;
const MAX_EXCERPT = 500;

/** Class or id tokens of blocks that are not article text: captions, galleries, comments, share bars, promos. */
const NON_TEXT_CLASS =
  /(?:^|[\s_-])(?:captions?|credits?|gallery|slideshow|carousel|comments?|related|share|sharing|social|newsletter|promo|advert|ads|sponsored|paywall|regwall|subscribe|subscription|byline|author|dateline|meta|timestamp)(?:$|[\s_-])/i;

/** Blocks checked for link density; a short block that is mostly links is a "Read more: …" teaser. */
const LINK_CHECKED = new Set(['p', 'ul', 'ol', 'li', 'div', 'aside', 'section', 'header', 'footer', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_TEASER_LENGTH = 300;
const TEASER_LINK_SHARE = 0.7;

function linkShare(el: Element, textLength: number): number {
  let links = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#')) continue;
    links += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  }
  return links / textLength;
}

/**
 * Whether the raw text under `el` is longer than `limit` characters. Stops reading as soon
 * as it is, so asking about every container of a big article stays linear.
 */
function exceedsTextLength(el: Element, limit: number): boolean {
  let length = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      length += node.nodeValue?.length ?? 0;
      if (length > limit) return true;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === el) return false;
    }
    node = node ? node.nextSibling : null;
  }
  return false;
}

/**
 * A "Link to this post" anchor: `href="#x"` inside the element with id `x` (live blog
 * posts). Readability may have made the href absolute, so only the fragment counts.
 */
function isSelfPermalink(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return false;
  const id = href.slice(hash + 1);
  for (let node = a.parentElement; node; node = node.parentElement) if (node.getAttribute('id') === id) return true;
  return false;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which elements of Readability's output to leave out of the text: figures and captions,
 * blocks named like comments/promos/bylines, short link-dense "Read more" blocks, a
 * heading repeating the title and a line repeating the byline (Readability keeps both
 * when it cannot match them, e.g. for non-Latin scripts).
 */
function nonTextFilter(title: string | null, byline: string | null): (el: Element) => boolean {
  const titleKey = title ? normalise(title) : null;
  const bylineKey = byline ? normalise(byline) : null;
  return (el) => {
    const tag = el.localName.toLowerCase();
    if (tag === 'figure' || tag === 'figcaption' || tag === 'picture') return true;
    // Footnote markers ("[1]") would glue digits to words.
    if (tag === 'sup') return !!el.querySelector('a[href*="#"]');
    if (el.getAttribute('aria-hidden') === 'true') return true;
    if (tag === 'a') return isSelfPermalink(el);
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (names.trim() && NON_TEXT_CLASS.test(names)) return true;
    const isHeading = tag === 'h1' || tag === 'h2';
    if (!LINK_CHECKED.has(tag) && !isHeading && tag !== 'span') return false;
    // Only short blocks are candidates; don't read the whole text of big containers.
    if (exceedsTextLength(el, 3 * MAX_TEASER_LENGTH)) return false;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_TEASER_LENGTH) return false;
    if (isHeading && titleKey && normalise(text) === titleKey) return true;
    // The story's own header (kicker, headline, byline, date), when short.
    if (tag === 'header' && el.querySelector('h1, time, [datetime]')) return true;
    if (bylineKey && text.length < 200 && normalise(cleanByline(text) ?? '') === bylineKey) return true;
    // A date line ("Updated <time>…</time>"): a short block that is mostly a <time>.
    if (text.length < 80) {
      let timeText = 0;
      for (const time of Array.from(el.getElementsByTagName('time'))) timeText += (time.textContent ?? '').trim().length;
      if (timeText > 0 && text.length - timeText < 30) return true;
    }
    if (tag === 'span') return false;
    const share = linkShare(el, text.length);
    // Short lines that are half link are navigation ("Posted 14/06 | More market reports").
    return share >= TEASER_LINK_SHARE || (text.length < 80 && share >= 0.45);
  };
}

function clip(text: string | null | undefined, max = MAX_FIELD): string | null {
  if (!text) return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Runs Readability on a deep copy of `doc` and returns its result with the article element. */
function runReadability(doc: Document) {
  const copy = doc.cloneNode(true) as Document;
  // Readability tests every element's class and id against its "unlikely candidate"
  // patterns, the root included: `<html class="header-spacing">` gets the root dropped and
  // Readability falls back to the whole body, navigation and all. The root's names never
  // describe a content block, so the copy goes without them.
  const root = copy.documentElement;
  if (root) {
    root.removeAttribute('class');
    root.removeAttribute('id');
  }
  // keepClasses: the text walk uses class names to leave out captions, comments and promos.
  return new Readability<Element>(copy, { keepClasses: true, serializer: (node) => node as Element }).parse();
}

function buildArticle(doc: Document, url: string, meta: PageMetadata): Article | null {
  let parsed: ReturnType<typeof runReadability>;
  try {
    parsed = runReadability(doc);
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const siteName = clip(meta.siteName ?? parsed.siteName);
  const readabilityTitle = parsed.title ? stripSiteSuffix(parsed.title, siteName, hostOf(url)) : null;
  const title = clip(meta.title ?? readabilityTitle);
  const byline = clip(meta.byline ?? cleanByline(parsed.byline));
  const text = getBlockText(parsed.content, { skip: nonTextFilter(title, byline) });
  if (!text) return null;
  const { wordCount, readingMinutes } = measureText(text);
  const firstParagraph = text.split('\n\n').find((p) => p.length >= 40) ?? text.split('\n\n')[0];
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title: title ?? '',
    byline,
    siteName,
    publishedAt: meta.publishedAt ?? normalizeDate(parsed.publishedTime),
    lang: meta.lang ?? normalizeLang(parsed.lang),
    excerpt: clip(meta.description ?? parsed.excerpt ?? firstParagraph, MAX_EXCERPT) ?? '',
    text,
    wordCount,
    readingMinutes,
  };
}

/**
 * The article in `doc` (loaded from `url`), or null when Readability finds nothing
 * readable. Does not decide whether the page is an article; see {@link readPage}.
 * Metadata (JSON-LD, OpenGraph, …) wins over Readability's guesses where present.
 */
export function extractArticle(doc: Document, url: string): Article | null {
  return buildArticle(doc, url, readMetadata(doc, url));
}

/** Result of {@link readPage}. */
export interface PageReading {
  isArticle: boolean;
  /** Why the page was (not) taken for an article. */
  reason: string;
  /** The article; null when the page is not an article or nothing readable was found. */
  article: Article | null;
}

/**
 * Classifies the page, then extracts the article when it is one. Metadata is read once
 * and shared by both steps. This is what the content script and the CLI call.
 */
export function readPage(doc: Document, url: string): PageReading {
  const meta = readMetadata(doc, url);
  const { isArticle, reason } = classifyPage(doc, url, meta);
  if (!isArticle) return { isArticle, reason, article: null };
  const article = buildArticle(doc, url, meta);
  if (!article) return { isArticle: false, reason: `${reason}; but nothing readable was extracted`, article: null };
  return { isArticle, reason, article };
}
