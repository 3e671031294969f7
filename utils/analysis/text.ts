/**
 * Text primitives for the analysis: paragraphs, sentences and word tokens with offsets.
 * `Intl.Segmenter` does the segmenting (it knows scripts without spaces, e.g. Japanese);
 * a regular-expression fallback keeps everything working where it is missing.
 */

/** One word of a sentence, with its position in the sentence's source text. */
export interface Token {
  /** The word as written, minus an English possessive ('s / ’s) and a French elided article (l', d'). */
  text: string;
  /** Offset of `text` in the source string. */
  start: number;
  /** Offset just past `text`. */
  end: number;
  /** Non-word characters between the previous token (or the sentence start) and this one. */
  gap: string;
  /** The token carried a possessive ending that was removed ("Japan's" → "Japan"). */
  isPossessive: boolean;
}

/** A sentence and its word tokens. */
export interface Sentence {
  text: string;
  tokens: Token[];
  /** Index of the paragraph it belongs to (0 = first paragraph of the text). */
  paragraph: number;
}

/**
 * Abbreviations after which a full stop does not end a sentence (all languages handled). Company
 * suffixes (Inc., Ltd.) and "etc." are left out: they end sentences more often than not.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr sra srta sres dra mme mlle mm m me mgr st gen col lt sgt capt cpt rep sen gov jr ' +
    'hr hrn fr dipl ing nr no vs approx jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.k u.n e.u z.b d.h bzw ca av'
  ).split(' '),
);

const WORD_FALLBACK = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;
// Elided articles ("l'Élysée", "L'Union", "d’Erdoğan"); a capital N' or O' is part of a name ("N'Djamena").
const ELISION = /^(?:(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|dell|dall|nell|sull|all|un)['’](?=\p{L})|[LDJ]['’](?=\p{L}))/u;
const POSSESSIVE = /['’]s?$/u;

/** Removes diacritics and folds letters that have no decomposition (ı, ß, ø, ł, æ, œ, đ); lowercases. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/đ/g, 'd');
}

/** The primary subtag of a BCP 47 tag ("en-GB" → "en"), lowercased; null when empty. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary ? primary : null;
}

/** Paragraphs of an article text: separated by blank lines, trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

const segmenters = new Map<string, Intl.Segmenter>();

/** A cached Intl.Segmenter for a language, or null where the API is missing (then regexes take over). */
function segmenter(lang: string, granularity: 'word' | 'sentence'): Intl.Segmenter | null {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return null;
  const key = `${lang}|${granularity}`;
  let seg = segmenters.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang, { granularity });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

/** Raw sentence pieces of one paragraph, before abbreviation repair. */
function rawSentences(paragraph: string, seg: Intl.Segmenter | null): string[] {
  if (seg) return Array.from(seg.segment(paragraph), (s) => s.segment);
  // Fallback: end at . ! ? … (plus closing quotes) followed by space and a capital or quote.
  return paragraph.split(/(?<=[.!?…]['"”»’)]*\s+)(?=[\p{Lu}"“«„¿¡(])/u);
}

/** Whether a sentence piece ends in an abbreviation or an initial, so the next piece continues it. */
function endsWithAbbreviation(piece: string): boolean {
  const match = /(\S+)\.\s*$/u.exec(piece);
  if (!match) return false;
  const word = match[1]!.replace(/^[("“«„'‘]+/u, '');
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. R. Tolkien", "M. Dupont"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** German-style ordinal dates: "zum 1. Juli", "am 3. Oktober" — the full stop after the day ends nothing. */
const MONTHS = new Set(
  ('januar jänner februar märz april mai juni juli august september oktober november dezember ' +
    'january february march may june july october december').split(' '),
);
function isOrdinalDate(piece: string, next: string | undefined): boolean {
  if (!next || !/(?:^|\s)\d{1,2}\.\s*$/u.test(piece)) return false;
  const word = /^\s*(\p{L}+)/u.exec(next)?.[1]?.toLowerCase();
  return !!word && MONTHS.has(word);
}

/**
 * Splits one paragraph into sentences with `Intl.Segmenter` (or a regex fallback), then
 * rejoins pieces broken after abbreviations and initials ("Mr.", "M.", "U.S.", "J.").
 */
export function splitSentences(paragraph: string, lang = 'en'): string[] {
  const pieces = rawSentences(paragraph, segmenter(lang, 'sentence'));
  const out: string[] = [];
  let carry = '';
  for (const [i, piece] of pieces.entries()) {
    carry += piece;
    if (endsWithAbbreviation(carry) || isOrdinalDate(carry, pieces[i + 1])) continue;
    if (carry.trim()) out.push(carry.trim());
    carry = '';
  }
  if (carry.trim()) out.push(carry.trim());
  return out;
}

/** Word-like segments of a string with offsets: Intl.Segmenter, else the fallback regex. */
function rawWords(text: string, seg: Intl.Segmenter | null): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  if (seg) {
    for (const s of seg.segment(text)) if (s.isWordLike) out.push({ text: s.segment, start: s.index });
    return out;
  }
  for (const m of text.matchAll(WORD_FALLBACK)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * Word tokens of a sentence. Joins hyphenated words ("Jong-un", "Nordrhein-Westfalen"), splits a
 * French/Italian elided article off ("l'Élysée" → "Élysée") and strips an English possessive.
 */
export function tokenize(text: string, lang = 'en', seg: Intl.Segmenter | null = segmenter(lang, 'word')): Token[] {
  const words = rawWords(text, seg);
  // Join "Jong" "-" "un" when nothing but a hyphen separates them.
  const joined: Array<{ text: string; start: number; end: number }> = [];
  for (const w of words) {
    const prev = joined[joined.length - 1];
    const between = prev ? text.slice(prev.end, w.start) : '';
    if (prev && /^[-‐‑]$/u.test(between)) {
      prev.text += between + w.text;
      prev.end = w.start + w.text.length;
    } else {
      joined.push({ text: w.text, start: w.start, end: w.start + w.text.length });
    }
  }
  const tokens: Token[] = [];
  let last = 0;
  for (const w of joined) {
    let wordText = w.text;
    let start = w.start;
    const elided = ELISION.exec(wordText);
    if (elided && elided[0].length < wordText.length) {
      start += elided[0].length;
      wordText = wordText.slice(elided[0].length);
    }
    let isPossessive = false;
    if (/['’]s$/u.test(wordText) && wordText.length > 2 && !/^\p{Lu}['’]/u.test(wordText)) {
      wordText = wordText.replace(POSSESSIVE, '');
      isPossessive = true;
    }
    if (!/[\p{L}\p{N}]/u.test(wordText)) continue;
    tokens.push({ text: wordText, start, end: start + wordText.length, gap: text.slice(last, start), isPossessive });
    last = w.end;
  }
  return tokens;
}

/** Splits an article text into sentences with tokens, remembering each sentence's paragraph. */
export function segmentText(text: string, lang: string): Sentence[] {
  const words = segmenter(lang, 'word');
  const sentences: Sentence[] = [];
  splitParagraphs(text).forEach((paragraph, index) => {
    for (const sentence of splitSentences(paragraph, lang)) {
      sentences.push({ text: sentence, tokens: tokenize(sentence, lang, words), paragraph: index });
    }
  });
  return sentences;
}
