/**
 * What Backstory asks providers: a handful of names and key terms from the article's
 * analysis — never a sentence of its text, never its URL — and the same question written
 * in each provider's query syntax.
 */
import type { Analysis, Entity } from '../analysis/types';
import type { Article } from '../article/types';
import { foldText } from './text';
import type { RelatedQuery } from './types';

/** Longest query string sent to any provider (characters, before URL encoding). */
export const MAX_QUERY_LENGTH = 200;

const MAX_ENTITIES = 5;
const MAX_VARIANTS = 3;
const MAX_KEY_TERMS = 5;
/** Names and terms longer than this are not names or terms but sentence fragments. */
const MAX_TERM_WORDS = 4;
const MAX_TERM_CHARS = 60;

/** Options for {@link buildQuery}. */
export interface BuildQueryOptions {
  /** ISO 3166-1 alpha-2 region, e.g. "US". */
  region: string;
  /** 'near' for the same event, 'wide' for background. */
  window: RelatedQuery['window'];
}

function isTermLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return text.length <= MAX_TERM_CHARS && words.length <= MAX_TERM_WORDS && !/[.!?;:"“”]/.test(text);
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').replace(/["“”()]/g, '').trim();
}

/** ASCII-folded form with original case kept ("Erdoğan" → "Erdogan"), for providers that match literally. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));
}

/**
 * The query for related coverage of an article, from its analysis only.
 * Keeps the most salient entities (with up to three usable variants each, plus an
 * accent-free spelling) and key terms that are not already names. Names or terms that
 * look like sentence fragments are left out.
 */
export function buildQuery(
  analysis: Analysis,
  article: Pick<Article, 'lang' | 'publishedAt'>,
  options: BuildQueryOptions,
): RelatedQuery {
  const entities: RelatedQuery['entities'] = [];
  const seen = new Set<string>();
  for (const entity of analysis.entities) {
    if (entities.length >= MAX_ENTITIES) break;
    const name = clean(entity.name);
    if (!name || !isTermLike(name) || seen.has(foldText(name))) continue;
    seen.add(foldText(name));
    const variants: string[] = [];
    const variantKeys = new Set([name.toLowerCase()]);
    const nameTokens = new Set(name.toLowerCase().split(' '));
    for (const v of [asciiFold(name), ...entity.variants].map(clean)) {
      if (variants.length >= MAX_VARIANTS) break;
      const key = v.toLowerCase();
      if (v.length < 3 || !isTermLike(v) || variantKeys.has(key)) continue;
      // A lone short part of the name ("Kim" of "Kim Jong Un") would match far too much.
      if (!key.includes(' ') && nameTokens.has(key) && key.length < 5) continue;
      variantKeys.add(key);
      variants.push(v);
    }
    entities.push({ name, type: entity.type, variants });
  }
  const keyTerms: string[] = [];
  for (const term of analysis.keyTerms) {
    if (keyTerms.length >= MAX_KEY_TERMS) break;
    const t = clean(term);
    const key = foldText(t);
    if (!t || !isTermLike(t) || seen.has(key)) continue;
    seen.add(key);
    keyTerms.push(t);
  }
  const lang = (analysis.lang || article.lang || 'en').split(/[-_]/)[0]!.toLowerCase();
  const published = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
  return {
    entities,
    keyTerms,
    lang,
    region: options.region.toUpperCase(),
    publishedAt: Number.isFinite(published) ? published : null,
    window: options.window,
  };
}

/** How a provider writes queries. */
export interface QuerySyntax {
  /** Words shorter than this are not sent (GDELT rejects keywords under 3 characters). */
  minWordLength: number;
  /** Whether the provider folds accents itself; if not, an accent-free variant is ORed in. */
  foldsAccents: boolean;
  /** Number of concepts (entities or key terms, ANDed) for the near / wide window. */
  concepts: { near: number; wide: number };
  /** Longest query string. */
  maxLength: number;
}

function quote(term: string): string {
  // Phrases and hyphenated names are quoted: a bare "-" can read as "exclude" to search engines.
  return /[\s-]/.test(term) ? `"${term}"` : term;
}

function usable(term: string, syntax: QuerySyntax): boolean {
  // Each word of a phrase must pass the minimum length, or the provider rejects the query.
  return term.split(' ').every((w) => w.length >= syntax.minWordLength) && !/^(and|or|not)$/i.test(term);
}

/** One concept: a name and its variants ORed in parentheses, or a single key term. */
function entityGroup(entity: Pick<Entity, 'name' | 'variants'>, syntax: QuerySyntax): string | null {
  const forms: string[] = [];
  const keys = new Set<string>();
  for (const form of [entity.name, ...entity.variants]) {
    const key = syntax.foldsAccents ? foldText(form) : form.toLowerCase();
    if (keys.has(key) || !usable(form, syntax)) continue;
    keys.add(key);
    forms.push(quote(form));
  }
  if (!forms.length) return null;
  return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
}

/**
 * The core of a provider query: up to `concepts` entity groups and key terms, ANDed, within
 * `maxLength` (minus `reserve` for the provider's own operators). Returns '' when nothing
 * usable is left. Entities come first: names are what identify a story.
 */
export function formatQueryTerms(query: RelatedQuery, syntax: QuerySyntax, reserve = 0): string {
  const limit = syntax.maxLength - reserve;
  const wanted = syntax.concepts[query.window];
  const groups: string[] = [];
  let length = 0;
  const tryAdd = (group: string | null): boolean => {
    if (!group || groups.length >= wanted) return false;
    const extra = (groups.length ? 1 : 0) + group.length;
    if (length + extra > limit) return false;
    groups.push(group);
    length += extra;
    return true;
  };
  // A name with long variants that do not fit: drop variants from the end until it does.
  const addEntity = (e: RelatedQuery['entities'][number]) => {
    for (let n = e.variants.length; n >= 0; n--) if (tryAdd(entityGroup({ name: e.name, variants: e.variants.slice(0, n) }, syntax))) return;
  };
  // At most one place among the first concepts: places alone are too broad.
  const entities = [...query.entities].sort((a, b) => Number(a.type === 'place') - Number(b.type === 'place'));
  const main = entities.slice(0, Math.max(1, wanted - 1));
  for (const e of main) addEntity(e);
  for (const term of query.keyTerms) if (usable(term, syntax)) tryAdd(quote(term));
  for (const e of entities.slice(main.length)) addEntity(e);
  return groups.join(' ');
}

const DAY_MS = 86_400_000;

/** The time range to search: near = 3 days before to 4 days after; wide = 180 days before to 1 day after. */
export function queryTimeRange(query: RelatedQuery): { from: number; to: number } | null {
  if (query.publishedAt === null) return null;
  return query.window === 'near'
    ? { from: query.publishedAt - 3 * DAY_MS, to: query.publishedAt + 4 * DAY_MS }
    : { from: query.publishedAt - 180 * DAY_MS, to: query.publishedAt + DAY_MS };
}
