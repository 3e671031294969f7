/** Content words: the folded words of a text or token list that are not stop words or news filler. */
import { NEWS_WORDS, STOP_WORDS, SUPPORTED_LANGUAGES, type SupportedLanguage } from './lexicon';
import { foldName, tokenize, type Token } from './text';

const union = (pick: (l: SupportedLanguage) => Set<string>) =>
  new Set(SUPPORTED_LANGUAGES.flatMap((l) => [...pick(l)]));
let fallbackStops: Set<string> | null = null;

/** Stop words plus news filler for a language; the union of all supported lists for other languages. */
export function ignoredWords(lang: string): Set<string> {
  if ((SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) {
    const l = lang as SupportedLanguage;
    return new Set([...STOP_WORDS[l], ...NEWS_WORDS[l]]);
  }
  fallbackStops ??= new Set([...union((l) => STOP_WORDS[l]), ...union((l) => NEWS_WORDS[l])]);
  return fallbackStops;
}

const cache = new Map<string, Set<string>>();

/** Whether a word (any case) carries content: not a stop word, not a number, long enough. */
export function isContentWord(word: string, lang: string): boolean {
  let stops = cache.get(lang);
  if (!stops) {
    stops = ignoredWords(lang);
    cache.set(lang, stops);
  }
  const l = word.toLowerCase();
  if (stops.has(l)) return false;
  if (/^[\p{N}.,%]+$/u.test(word)) return false;
  // Scripts without spaces produce one-character particles; Latin words need three letters.
  const isCjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word);
  return isCjk ? word.length >= 2 : word.length >= 3;
}

/** Folded content words of a string or token list, in order, with repeats. */
export function contentWords(input: string | Token[], lang: string): string[] {
  const tokens = typeof input === 'string' ? tokenize(input, lang) : input;
  return tokens.filter((t) => isContentWord(t.text, lang)).map((t) => foldName(t.text));
}
