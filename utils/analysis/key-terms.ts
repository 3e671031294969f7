/**
 * Key terms: RAKE-like candidate phrases (runs of content words between stop words and
 * punctuation, up to three words) and single words, scored by frequency weighted by position
 * (headline ×3, first paragraph ×1.5), multi-word phrases preferred, entity names allowed.
 */
import { isContentWord } from './words';
import { foldName, type Token } from './text';
import type { Entity } from './types';

/** Options for {@link extractKeyTerms}. */
export interface KeyTermOptions {
  lang: string;
  /** Number of terms wanted (default 10). */
  count?: number;
  /** Entities found in the text: their full names compete as terms, their fragments do not. */
  entities?: Pick<Entity, 'name' | 'mentions'>[];
}

/** A tokenised sentence with where it sits: headline (-1) or paragraph index. */
export interface TermSource {
  tokens: Token[];
  paragraph: number;
}

interface Candidate {
  score: number;
  occurrences: number;
  forms: Map<string, number>;
  words: string[];
}

const MAX_WORDS = 3;
const MAX_NAMES = 3;

/** Inflected verb and adverb forms that pass the stop lists but never characterise a story. */
const VERB_LIKE: Record<string, RegExp> = {
  en: /(?:[^e]ed|ly)$/u,
  es: /(?:ó|aron|ieron|aba|aban|ando|iendo)$/u,
  fr: /(?:ait|aient|èrent)$/u,
};

/** German capitalises nouns, and key terms are nouns: in German keep only capitalised words. */
function isTermWord(t: Token, lang: string, isSentenceStart: boolean): boolean {
  if (!isContentWord(t.text, lang)) return false;
  if (lang === 'de') return /^\p{Lu}/u.test(t.text) && !isSentenceStart;
  const verbLike = VERB_LIKE[lang];
  return !(verbLike && /^\p{Ll}/u.test(t.text) && verbLike.test(t.text));
}

/** The terms that characterise a text, most characteristic first. */
export function extractKeyTerms(sources: TermSource[], options: KeyTermOptions): string[] {
  const { lang } = options;
  const count = options.count ?? 10;
  const candidates = new Map<string, Candidate>();
  const add = (tokens: Token[], weight: number) => {
    const key = tokens.map((t) => foldName(t.text)).join(' ');
    const surface = tokens.map((t) => t.text).join(' ');
    const c = candidates.get(key) ?? { score: 0, occurrences: 0, forms: new Map(), words: key.split(' ') };
    c.score += weight;
    c.occurrences++;
    c.forms.set(surface, (c.forms.get(surface) ?? 0) + 1);
    candidates.set(key, c);
  };
  for (const { tokens, paragraph } of sources) {
    const weight = paragraph < 0 ? 2 : paragraph === 0 ? 1.5 : 1;
    let run: Token[] = [];
    const flush = () => {
      if (run.length > 1 && run.length <= MAX_WORDS) add(run, weight);
      else if (run.length > MAX_WORDS) for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2), weight);
      run = [];
    };
    tokens.forEach((t, i) => {
      if (run.length > 0 && /[^\s]/u.test(t.gap)) flush();
      if (isTermWord(t, lang, i === 0 || /[“"«„‘'¿¡(:]\s*$/u.test(t.gap))) {
        run.push(t);
        add([t], weight);
      } else {
        flush();
      }
    });
    flush();
  }
  const names = (options.entities ?? []).map((e) => ({ e, words: foldName(e.name).split(/[\s-]+/) }));
  // At most a few names: key terms should also say what happened, not only who was there.
  const nameKeys = new Set<string>();
  for (const { e, words } of names.filter((n) => n.words.length > 1 && n.e.mentions >= 2).slice(0, MAX_NAMES)) {
    nameKeys.add(words.join(' '));
    const key = words.join(' ');
    const c = candidates.get(key);
    candidates.set(key, {
      score: Math.max(c?.score ?? 0, e.mentions),
      occurrences: Math.max(c?.occurrences ?? 0, e.mentions),
      forms: new Map([[e.name, 1]]),
      words,
    });
  }
  // "Kim Jong" in "Kim Jong Un", "Nacional" in "Registraduría Nacional": fragments of a longer name.
  const isFragment = (c: Candidate) => {
    const text = ` ${c.words.join(' ')} `;
    const form = [...c.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    if (!/^\p{Lu}/u.test(form)) return false;
    return names.some(({ words }) => words.length > c.words.length && ` ${words.join(' ')} `.includes(text));
  };
  const ranked = [...candidates.values()]
    .filter((c) => !isFragment(c))
    .filter((c) => c.occurrences >= 2)
    .map((c) => {
      const isName = nameKeys.has(c.words.join(' '));
      return { ...c, value: c.score * (isName ? 1 : 1 + 0.6 * (c.words.length - 1)) };
    })
    .sort((a, b) => b.value - a.value);
  let chosen: typeof ranked = [];
  const padded = (c: { words: string[] }) => ` ${c.words.join(' ')} `;
  for (const c of ranked) {
    if (chosen.length >= count) break;
    // A word or phrase inside a chosen phrase is covered by it.
    if (chosen.some((o) => padded(o).includes(padded(c)))) continue;
    // A phrase replaces the chosen single words it contains when it is nearly as frequent.
    if (c.words.length > 1) {
      chosen = chosen.filter((o) => !(o.words.length === 1 && padded(c).includes(padded(o)) && o.occurrences <= 2 * c.occurrences));
    }
    chosen.push(c);
  }
  return chosen.map((c) => [...c.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
}
