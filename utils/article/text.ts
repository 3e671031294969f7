/**
 * Block-aware plain text, word counts and reading time.
 * Works on any DOM (browser, happy-dom, linkedom): only nodeType, localName,
 * attributes and child lists are used, never layout.
 */

/** Elements whose boundaries separate paragraphs (a blank line in the text). */
const PARAGRAPH_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'figure',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'details',
  'fieldset', 'form', 'hr', 'center', 'hgroup', 'menu',
]);

/** Elements whose boundaries end a line but not a paragraph. */
const LINE_TAGS = new Set(['li', 'tr', 'td', 'th', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'legend', 'option']);

/** Elements whose content is never reading text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'textarea', 'button',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Soft hyphens and zero-width spaces: invisible, and never a word break in the text. */
const INVISIBLE = /[\u00ad\u200b]+/g;
const WHITESPACE = /\s+/g;

/** Options for {@link getBlockText}. */
export interface BlockTextOptions {
  /** Return true to leave an element (and everything inside it) out of the text. */
  skip?: (element: Element) => boolean;
}

/**
 * The text of `root` with block structure kept: paragraphs, headings, lists, tables,
 * blockquotes become separate paragraphs (joined by a blank line); list items, table
 * cells and `<br>` become separate lines; runs of whitespace collapse to one space.
 * Two `<br>` in a row start a new paragraph. Words in neighbouring blocks are never glued.
 */
export function getBlockText(root: Node, options: BlockTextOptions = {}): string {
  const { skip } = options;
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  let pendingBreaks = 0; // consecutive <br> seen since the last text

  const endLine = (): void => {
    // Soft hyphens and zero-width spaces go, then each run of whitespace becomes one space: the same
    // as making each run of both one space when it holds whitespace, without a call for every run.
    const clean = line.replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
    pendingBreaks = 0;
  };

  // Iterative walk: deep trees (nested tables, generated markup) must not overflow the stack.
  // A stack entry is either a node to enter or a marker to close an element.
  const stack: Array<Node | { close: string }> = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item && !('nodeType' in item)) {
      if (PARAGRAPH_TAGS.has(item.close)) endParagraph();
      else endLine();
      continue;
    }
    const node = item as Node;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const value = node.nodeValue ?? '';
      if (pendingBreaks && /\S/.test(value)) pendingBreaks = 0;
      line += value;
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName.toLowerCase();
      if (node !== root && (SKIP_TAGS.has(tag) || element.hasAttribute('hidden') || skip?.(element))) continue;
      if (tag === 'br') {
        pendingBreaks += 1;
        if (pendingBreaks >= 2) {
          endParagraph();
        } else {
          endLine();
        }
        continue;
      }
      if (tag === 'img') {
        continue;
      }
      const isBlock = PARAGRAPH_TAGS.has(tag) || LINE_TAGS.has(tag);
      if (isBlock) {
        if (PARAGRAPH_TAGS.has(tag)) endParagraph();
        else endLine();
        stack.push({ close: tag });
      }
      // Push children in reverse so they pop in document order.
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      continue;
    }
    if (node.nodeType === 9 || node.nodeType === 11) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

/**
 * Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao,
 * Khmer, Myanmar. Hangul is spaced and counts like Latin.
 */
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー々〆]+/gu;
/** A word in a spaced script: letters/digits, joined by apostrophes, hyphens, dots (e.g. "don't", "U.S.", "3.5"). */
const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-‐][\p{L}\p{N}\p{M}]+)*/gu;

type WordSegmenter = { segment(input: string): Iterable<{ isWordLike?: boolean }> };
let segmenter: WordSegmenter | null | undefined;

function getSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/**
 * Words in a run of unspaced script: dictionary segmentation when available and `segment` is set,
 * else ~2 characters a word.
 */
function countUnspacedWords(run: string, segment: boolean): number {
  const seg = segment ? getSegmenter() : null;
  if (!seg) return Math.ceil(run.length / 2);
  let count = 0;
  for (const part of seg.segment(run)) if (part.isWordLike) count++;
  return count;
}

interface TextStats {
  /** Words in spaced scripts (Latin, Cyrillic, Greek, Hangul, Arabic, …). */
  spacedWords: number;
  /** Words found by segmenting unspaced scripts (Chinese, Japanese, Thai, …). */
  unspacedWords: number;
  /** Characters in unspaced scripts. */
  unspacedChars: number;
}

/**
 * Letters, digits and marks in U+0000–U+024F, where this class is exactly `[\p{L}\p{N}\p{M}]`
 * (General Punctuation, U+2000–U+206F, has none). A unit test checks every code point.
 */
const LATIN_CHAR = 'A-Za-z0-9\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
/** {@link SPACED_WORD} for text within {@link BEYOND_LATIN}'s ranges. */
const LATIN_WORD = new RegExp(`[${LATIN_CHAR}]+(?:['’.\\-‐][${LATIN_CHAR}]+)*`, 'g');
/** A character beyond Latin (U+0000–U+024F) and General Punctuation (U+2000–U+206F). */
const BEYOND_LATIN = /[\u0250-\u1fff\u2070-\uffff]/;

/**
 * Options of {@link measureText}. `segment: false` estimates the words of unspaced scripts (~2
 * characters a word) instead of segmenting them: a page's first `Intl.Segmenter` costs its renderer
 * 10–30 ms of ICU setup (measured in Chromium, a new tab), which the content script leaves to the
 * background (utils/history.ts counts the words of what it records again).
 */
export interface MeasureOptions {
  segment?: boolean;
}

function measure(text: string, segment = true): TextStats {
  // Most articles are Latin-script text: the Unicode property classes cost a page that has not used
  // them yet milliseconds to build (more than the count itself), and give the same count here.
  if (!BEYOND_LATIN.test(text)) return { spacedWords: text.match(LATIN_WORD)?.length ?? 0, unspacedWords: 0, unspacedChars: 0 };
  let unspacedWords = 0;
  let unspacedChars = 0;
  const rest = text.replace(UNSPACED_RUN, (run) => {
    unspacedWords += countUnspacedWords(run, segment);
    unspacedChars += run.length;
    return ' ';
  });
  const spacedWords = rest.match(SPACED_WORD)?.length ?? 0;
  return { spacedWords, unspacedWords, unspacedChars };
}

/**
 * Number of words in `text`. Spaced scripts count space-separated words; Chinese,
 * Japanese and Thai are split into words with `Intl.Segmenter` (about two characters
 * a word when it is missing). Punctuation and symbols are not words.
 */
export function countWords(text: string): number {
  const { spacedWords, unspacedWords } = measure(text);
  return spacedWords + unspacedWords;
}

/** Reading speed for spaced scripts, words per minute. */
export const WORDS_PER_MINUTE = 230;
/** Reading speed for Chinese/Japanese-style scripts, characters per minute. */
export const CJK_CHARS_PER_MINUTE = 500;

/**
 * Estimated reading time of `text` in whole minutes, at least 1:
 * {@link WORDS_PER_MINUTE} for spaced scripts plus {@link CJK_CHARS_PER_MINUTE} for
 * unspaced ones (mixed texts add both).
 */
export function estimateReadingMinutes(text: string): number {
  // Reading time counts the characters of unspaced scripts, not their words: nothing to segment.
  const { spacedWords, unspacedChars } = measure(text, false);
  const minutes = spacedWords / WORDS_PER_MINUTE + unspacedChars / CJK_CHARS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/**
 * Word count and reading time in one pass over `text` (same results as {@link countWords} and
 * {@link estimateReadingMinutes}; with `segment: false`, the word count of unspaced scripts is an
 * estimate, see {@link MeasureOptions}).
 */
export function measureText(text: string, { segment = true }: MeasureOptions = {}): { wordCount: number; readingMinutes: number } {
  const { spacedWords, unspacedWords, unspacedChars } = measure(text, segment);
  const minutes = spacedWords / WORDS_PER_MINUTE + unspacedChars / CJK_CHARS_PER_MINUTE;
  return { wordCount: spacedWords + unspacedWords, readingMinutes: Math.max(1, Math.round(minutes)) };
}
