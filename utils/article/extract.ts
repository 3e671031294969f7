/**
 * Article extraction: Readability on a copy of the document, page metadata on top,
 * block-aware text from Readability's article element. Pure: never touches the live
 * document, `location` or `browser.*`, so it runs in the content script and in Node
 * (happy-dom, linkedom) alike.
 */
import { Readability } from '@mozilla/readability';
import { classifyPage } from './detect';
import { cleanByline, normalizeDate, normalizeLang, readMetadata, readPageType, stripSiteSuffix, type PageMetadata } from './metadata';
import { detectLanguage } from '../analysis/language';
import { isCreditLine, isDateLine, isInterfaceLabel, isRelatedHeading } from './boilerplate';
import { getBlockText, measureText, type MeasureOptions } from './text';
import type { Article } from './types';
import { perfMark } from '../perf';

/** Longest title/byline/site name/excerpt kept; the message protocol rejects longer fields. */
const MAX_FIELD = 1_000;
const MAX_EXCERPT = 500;

/** Class or id tokens of blocks that are not article text: captions, galleries, comments, share bars, promos. */
const NON_TEXT_CLASS =
  /(?:^|[\s_-])(?:captions?|credits?|gallery|slideshow|carousel|comments?|related|share|sharing|social|newsletter|promo|advert|ads|sponsored|paywall|regwall|subscribe|subscription|byline|author|dateline|meta|timestamp|cookies?|consent|gdpr|breadcrumbs?|tags|tagcloud|hovercard|tooltip|popover|modal|popup)(?:$|[\s_-])/i;

/** The same words inside camelCase names ("imageEmbedCaption", "ShareBar"), as CSS-in-JS and BEM tooling generate them. */
const NON_TEXT_CAMEL =
  /(?:^|[a-z0-9])(?:Captions?|Credits?|Gallery|Slideshow|Carousel|Comments?|Related|Share|Sharing|Social|Newsletter|Promo|Byline|Author|Dateline|Timestamp|Breadcrumbs?|Tags|HoverCard|Tooltip|Popover|Modal)(?=$|[\s_A-Z0-9-])/;

/**
 * Utility classes that hide an element on screen (Bootstrap, Tailwind, WordPress and
 * others): Readability does not apply style sheets, so it keeps their text. Matched with their
 * case, as style sheets match class names: `.sr-only` hides nothing with `class="SR-Only"`.
 */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|is-hidden|u-hidden|visually-hidden|visuallyhidden|sr-only|screen-reader-text|screenreader-only|element-invisible|d-none|hide|invisible|offscreen)(?:$|\s)/;

/** Share-bar names that also wrap embedded posts (a tweet in `<div class="social-embed">`). */
const SOCIAL_CLASS = /social|share|sharing|embed/i;

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
function nonTextFilter(title: string | null, byline: string | null, skipped: Set<Element>): (el: Element) => boolean {
  const titleKey = title ? normalise(title) : null;
  const bylineKey = byline ? normalise(byline) : null;
  return (el) => {
    const tag = el.localName.toLowerCase();
    if (tag === 'figure' || tag === 'figcaption' || tag === 'picture') return true;
    // Footnote markers ("[1]") would glue digits to words.
    if (tag === 'sup') return !!el.querySelector('a[href*="#"]');
    if (el.getAttribute('aria-hidden') === 'true') return true;
    if (tag === 'a') return isSelfPermalink(el);
    if (tag === 'nav' || el.getAttribute('role') === 'navigation' || skipped.has(el)) return true;
    const className = el.getAttribute('class') ?? '';
    if (className && HIDDEN_CLASS.test(className)) return true;
    const names = `${className} ${el.getAttribute('id') ?? ''}`;
    if (names.trim() && (NON_TEXT_CLASS.test(names) || NON_TEXT_CAMEL.test(names))) {
      // An embedded post (tweet, Instagram) is a blockquote, often in a "social" wrapper: keep it.
      return !(SOCIAL_CLASS.test(names) && el.getElementsByTagName('blockquote').length > 0);
    }
    const isHeading = tag === 'h1' || tag === 'h2';
    if (!LINK_CHECKED.has(tag) && !isHeading && tag !== 'span') return false;
    // Only short blocks are candidates; don't read the whole text of big containers.
    if (exceedsTextLength(el, 3 * MAX_TEASER_LENGTH)) return false;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_TEASER_LENGTH) return false;
    if (isHeading && titleKey && normalise(text) === titleKey) return true;
    // The story's own header (kicker, headline, byline, date) or the site's, when short.
    if (tag === 'header' && el.querySelector('h1, time, [datetime], nav, ul')) return true;
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

/**
 * Sections introduced by a "Related" / "You may also like" / "Leia também" heading: Readability
 * merges sibling blocks with the article's class name, so the next stories come along. A
 * heading that opens its block takes the block; one inside running text takes the block after
 * it (the list of links). A block holding half the text is the article itself and stays.
 */
/** Characters of text that must remain outside a related-stories block for it to go. */
const MIN_REST = 300;

function relatedSections(content: Element): Set<Element> {
  const skipped = new Set<Element>();
  const total = (content.textContent ?? '').replace(/\s+/g, ' ').length;
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) {
    for (const heading of Array.from(content.getElementsByTagName(tag))) {
      if (exceedsTextLength(heading, 80) || !isRelatedHeading((heading.textContent ?? '').replace(/\s+/g, ' ').trim())) continue;
      const parent = heading.parentElement;
      // The block goes unless it is the article itself: what is left must be some prose.
      const rest = parent ? total - (parent.textContent ?? '').replace(/\s+/g, ' ').length : 0;
      if (parent && parent !== content && parent.firstElementChild === heading && rest >= MIN_REST) {
        skipped.add(parent);
      } else {
        skipped.add(heading);
        const next = heading.nextElementSibling;
        if (next && !exceedsTextLength(next, total / 2)) skipped.add(next);
      }
    }
  }
  return skipped;
}

/**
 * Leaves out lines that are furniture by their wording alone (date stamps, interface labels,
 * photo credits) and lines that are only the page's own address (a share widget's URL field).
 */
function dropFurnitureLines(text: string, ownUrls: string[]): string {
  const own = new Set(ownUrls.map((u) => u.replace(/[?#].*$/, '').replace(/\/$/, '')));
  const keep = (line: string): boolean => {
    if (isDateLine(line) || isInterfaceLabel(line) || isCreditLine(line)) return false;
    return !(/^https?:\/\/\S+$/.test(line) && own.has(line.replace(/[?#].*$/, '').replace(/\/$/, '')));
  };
  return text
    .split('\n\n')
    .map((paragraph) => paragraph.split('\n').filter(keep).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** The language of the text when the markup does not say; null when the guess is unsure. */
function languageOf(text: string): string | null {
  const lang = detectLanguage(text);
  return lang === 'und' ? null : lang;
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

/** Readability's "unlikely candidate" name that also wraps embedded posts. */
const SOCIAL_WRAPPER = /social/i;

/**
 * An embedded post (tweet, Instagram, Mastodon) is a blockquote, often inside a wrapper named
 * "social-embed"; Readability drops anything named "social" before scoring. Clears those
 * names on the quote's ancestors so the post stays in the article.
 */
function unwrapEmbeddedPost(quote: Element): void {
  // The wrapper sits right around the quote; further up, a "social" block is a sidebar feed.
  let depth = 0;
  for (let node = quote.parentElement; node && depth < 3 && node.localName.toLowerCase() !== 'body'; node = node.parentElement, depth++) {
    if (SOCIAL_WRAPPER.test(node.getAttribute('class') ?? '')) node.removeAttribute('class');
    if (SOCIAL_WRAPPER.test(node.getAttribute('id') ?? '')) node.removeAttribute('id');
  }
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Elements whose class may be one {@link isOffScreen} takes: every name its patterns match holds one
 * of these strings, so that the copy's other elements are never read one by one. Matched with their
 * case, like the patterns: a case-blind `i` selector cost several times as much on a big page.
 */
const MAYBE_OFF_SCREEN = [
  'hid', 'sr-only', 'screen', 'invisible', 'd-none', 'over-card', 'over-Card', 'overcard', 'overCard', 'ooltip', 'opover',
].map((part) => `[class*="${part}"]`).join(', ');

/**
 * Prepares the copy Readability works on: keeps embedded posts ({@link unwrapEmbeddedPost}),
 * removes off-screen blocks ({@link isOffScreen}) and blocks of teasers that a "You may also
 * like" / "Leia também" heading opens. Readability merges such a block into the article when
 * it shares the article's class name, and drops the heading itself (its class says
 * "related"), so afterwards it cannot be told apart.
 *
 * Nothing inside a heading or an off-screen block is looked at. Native queries find the few
 * elements that can matter (a walk over every element in script cost about a millisecond a page).
 * Off-screen blocks are decided first, on the class names as the page wrote them: unwrapping a post
 * only ever clears names of elements before it in the document.
 */
function prepareCopy(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const offScreen: Element[] = [];
  const notLookedAt = (el: Element) => !!el.parentElement?.closest(HEADINGS) || offScreen.some((block) => block.contains(el));
  for (const el of Array.from(body.querySelectorAll(MAYBE_OFF_SCREEN))) {
    const tag = el.localName.toLowerCase();
    if (tag === 'blockquote' || /^h[1-6]$/.test(tag) || !isOffScreen(el) || notLookedAt(el)) continue;
    offScreen.push(el);
  }
  const doomed = [...offScreen];
  for (const heading of Array.from(body.querySelectorAll(HEADINGS))) if (!notLookedAt(heading) && isTeaserBlockHeading(heading)) doomed.push(heading.parentElement!);
  for (const quote of Array.from(body.getElementsByTagName('blockquote'))) if (!notLookedAt(quote)) unwrapEmbeddedPost(quote);
  for (const node of doomed) node.remove();
}

/** Larger than this, a "hidden" block is an anti-flicker wrapper around the page, not an aside. */
const MAX_HIDDEN_TEXT = 2_000;

/**
 * Whether CSS keeps `el` off screen by class name alone: framework utility classes (`hidden`,
 * `sr-only`, …) and hover cards, tooltips and popovers that only show on interaction. Readability
 * does not apply style sheets, and it folds a `<div class="hidden"><p>` into the bare `<p>`, so
 * these go before it runs.
 */
function isOffScreen(el: Element): boolean {
  const className = el.getAttribute('class');
  if (!className) return false;
  if (!HIDDEN_CLASS.test(className) && !OVERLAY_CLASS.test(className)) return false;
  return !exceedsTextLength(el, MAX_HIDDEN_TEXT) && !el.getElementsByTagName('h1').length;
}

/**
 * Interaction-only overlays: shown on hover or click, never part of the reading flow. Lower case as
 * utility classes are written, or capitalised as component names are (`Tooltip_root`, `userHoverCard`).
 */
const OVERLAY_CLASS = /(?:^|[\s_-])(?:[hH]over-?[cC]ard|[tT]ooltip|[pP]opover)(?:$|[\s_-])|[a-z](?:HoverCard|Tooltip|Popover)\b/;

/**
 * A heading that opens a block of teasers: "You may also like" first in its parent, and every
 * item after it holding a link (see {@link prepareCopy}).
 */
function isTeaserBlockHeading(heading: Element): boolean {
  const parent = heading.parentElement;
  if (!parent || parent.firstElementChild !== heading || parent.localName.toLowerCase() === 'body') return false;
  if (exceedsTextLength(heading, 80) || !isRelatedHeading((heading.textContent ?? '').replace(/\s+/g, ' ').trim())) return false;
  let items = 0;
  for (let item = heading.nextElementSibling; item; item = item.nextElementSibling) {
    const tag = item.localName.toLowerCase();
    // Scripts, ad slots and empty wrappers between the teasers do not count.
    if (tag === 'script' || tag === 'style' || !(item.textContent ?? '').trim()) continue;
    items++;
    if (tag !== 'a' && !item.querySelector('a[href]')) return false;
  }
  return items > 0 && !parent.querySelector('h1');
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
  prepareCopy(copy);
  // keepClasses: the text walk uses class names to leave out captions, comments and promos.
  return new Readability<Element>(copy, { keepClasses: true, serializer: (node) => node as Element }).parse();
}

function buildArticle(doc: Document, url: string, meta: PageMetadata, words?: MeasureOptions): Article | null {
  let parsed: ReturnType<typeof runReadability>;
  try {
    parsed = runReadability(doc);
  } catch {
    return null;
  } finally {
    perfMark('cs:read:readability');
  }
  if (!parsed?.content) return null;
  const siteName = clip(meta.siteName ?? parsed.siteName);
  const readabilityTitle = parsed.title ? stripSiteSuffix(parsed.title, siteName, hostOf(url)) : null;
  const title = clip(meta.title ?? readabilityTitle);
  const byline = clip(meta.byline ?? cleanByline(parsed.byline));
  const skipped = relatedSections(parsed.content);
  const text = dropFurnitureLines(getBlockText(parsed.content, { skip: nonTextFilter(title, byline, skipped) }), [
    url,
    meta.canonicalUrl,
  ]);
  if (!text) return null;
  const { wordCount, readingMinutes } = measureText(text, words);
  const firstParagraph = text.split('\n\n').find((p) => p.length >= 40) ?? text.split('\n\n')[0];
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title: title ?? '',
    byline,
    siteName,
    publishedAt: meta.publishedAt ?? normalizeDate(parsed.publishedTime),
    lang: meta.lang ?? normalizeLang(parsed.lang) ?? languageOf(text),
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
 * and shared by both steps: detection reads only the page type (JSON-LD, meta tags), the
 * rest of the metadata is read for articles. This is what the content script and the CLI call.
 * `words`: how the article's words are counted ({@link MeasureOptions}; the content script
 * leaves segmenting to the background).
 */
export function readPage(doc: Document, url: string, words?: MeasureOptions): PageReading {
  const pageType = readPageType(doc);
  const { isArticle, reason } = classifyPage(doc, url, pageType);
  perfMark('cs:read:classified');
  if (!isArticle) return { isArticle, reason, article: null };
  const meta = readMetadata(doc, url, pageType);
  perfMark('cs:read:metadata');
  const article = buildArticle(doc, url, meta, words);
  if (!article) return { isArticle: false, reason: `${reason}; but nothing readable was extracted`, article: null };
  return { isArticle, reason, article };
}
