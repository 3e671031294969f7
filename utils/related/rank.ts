/**
 * Ranking related coverage: drop the article itself, score candidates against the
 * article's names and key terms, merge wire copies, split the same event from background,
 * and keep the top of each list diverse in outlets.
 */
import type { Analysis } from '../analysis/types';
import { canonicalStoryUrl, domainOf } from './normalize';
import { buildProfile, isRelated, matchCandidate, sharesEventWithoutNames, wordKey, type ArticleProfile, type CandidateMatch } from './similarity';

export { isRelated };
import { isContentToken, numberKey, stem, tokenize } from './text';
import type { RankedRelated, RankedStory, RelatedStory } from './types';

/** The article whose coverage is ranked. */
export interface RankArticle {
  title: string;
  /** The article's canonical URL; candidates with the same URL are the article itself. */
  canonicalUrl: string;
  /** Host without `www.`; derived from `canonicalUrl` when left out. */
  domain?: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  /** Names and key terms; the summary, when given, adds the counts and amounts the article states. */
  analysis: Pick<Analysis, 'entities' | 'keyTerms'> & Partial<Pick<Analysis, 'summary'>>;
}

/** Options for {@link rankRelated}. */
export interface RankOptions {
  /** Current time, epoch ms: the reference when the article has no date; later candidate dates are distrusted. */
  now: number;
  /** Longest lists returned (default 30 each). */
  limit?: number;
}

const HOUR = 3_600_000;
/** Same event: related and published within this window around the article (hours; negative = before). */
const SAME_WINDOW = { before: -30, after: 96 };
/** Undated candidates (e.g. Google cluster entries) count as the same event from this evidence up. */
const MIN_SAME_UNDATED = 0.6;
/** Near-identical headlines (Jaccard on stems) are one story. */
const DUPLICATE_JACCARD = 0.7;
/** In the first TOP_N of each list, at most PER_OUTLET items from one outlet. */
const TOP_N = 10;
const PER_OUTLET = 2;

interface Scored {
  story: RelatedStory;
  match: CandidateMatch;
  /** Candidate time minus article time, hours; null when either is unknown. */
  gapHours: number | null;
  score: number;
  same: boolean;
  titleStems: string[];
  /** Headline words (stems) it shares with the same event's other coverage, when admitted by corroboration. */
  corroboratedBy?: string[];
}

function outletKey(story: RelatedStory): string {
  return (story.domain || story.source).toLowerCase();
}

function timeOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** "3 h later", "2 days earlier", "same hour". */
export function formatGap(hours: number): string {
  const abs = Math.abs(hours);
  if (abs < 1) return 'same hour';
  const side = hours > 0 ? 'later' : 'earlier';
  if (abs < 48) return `${Math.round(abs)} h ${side}`;
  const days = Math.round(abs / 24);
  if (days < 60) return `${days} days ${side}`;
  return `${Math.round(days / 30)} months ${side}`;
}

function jaccard(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  let common = 0;
  for (const x of new Set(b)) if (set.has(x)) common++;
  return common / (set.size + new Set(b).size - common);
}

function titleStems(title: string): string[] {
  return [...new Set(tokenize(title).filter(isContentToken).map(stem))];
}

/**
 * Related coverage of `article`, grouped and ranked.
 *
 * - The article itself (same canonical URL, or same outlet with a near-identical headline) is dropped.
 * - Each candidate gets a content similarity (see `similarity.ts`); below a floor it is unrelated and dropped,
 *   unless it is published in the same-event window and the event's other coverage corroborates it
 *   (see `corroborate`).
 * - Same event = high similarity and published from ~1 day before to 4 days after the article;
 *   the rest is background. Scores decay gently with the time gap.
 * - Near-identical headlines and the same URL from several providers merge into one item
 *   (the best-scored), the others listed in `alsoIn`.
 * - In each list's top 10, no outlet appears more than twice.
 *
 * Each item carries `score` (0..1) and `reasons` ("Shares: …", "3 h later").
 */
export function rankRelated(article: RankArticle, candidates: readonly RelatedStory[], options: RankOptions): RankedRelated {
  const limit = options.limit ?? 30;
  const profile = buildProfile(article.title, article.analysis);
  const selfUrl = canonicalStoryUrl(article.canonicalUrl);
  const selfDomain = article.domain ?? (selfUrl ? domainOf(selfUrl) : '');
  const selfStems = titleStems(article.title);
  const reference = timeOf(article.publishedAt) ?? options.now;
  const hasArticleTime = article.publishedAt !== null && timeOf(article.publishedAt) !== null;

  const scored: Scored[] = [];
  const pending: Scored[] = [];
  for (const story of candidates) {
    if (selfUrl && story.url === selfUrl) continue;
    const match = matchCandidate(profile, story.title, story.description);
    const stems = match.titleStems;
    if (selfDomain && story.domain === selfDomain && jaccard(stems, selfStems) >= DUPLICATE_JACCARD) continue;
    let related = isRelated(match);
    if (!related && !hasAnchor(match)) continue;
    let time = timeOf(story.publishedAt);
    if (time !== null && time > options.now + 24 * HOUR) time = null; // a date in the future is wrong
    const gapHours = time !== null && hasArticleTime ? (time - reference) / HOUR : null;
    const inWindow = gapHours !== null && gapHours >= SAME_WINDOW.before && gapHours <= SAME_WINDOW.after;
    // No name, but enough of the event's own terms, headline and counts, at the time of the event.
    if (!related && inWindow && sharesEventWithoutNames(match)) related = true;
    if (!related) {
      // Not enough evidence from the article alone; may still be corroborated by the same event's coverage (below).
      if (inWindow) pending.push({ story, match, gapHours, score: 0, same: true, titleStems: stems });
      continue;
    }
    const same = gapHours === null ? match.content >= MIN_SAME_UNDATED : inWindow;
    scored.push({ story, match, gapHours, score: scoreOf(match.content, gapHours, same), same, titleStems: stems });
  }
  scored.push(...corroborate(scored, pending, profile));
  scored.sort((a, b) => b.score - a.score);

  const sameStory = mergeDuplicates(scored.filter((s) => s.same));
  const background = mergeDuplicates(scored.filter((s) => !s.same));
  return { sameStory: diversify(sameStory).slice(0, limit), background: diversify(background).slice(0, limit) };
}

/** Same event: fresher is better, gently. Background: closer in time is more relevant, gently. */
function scoreOf(content: number, gapHours: number | null, same: boolean): number {
  const decay = gapHours === null ? 0.9 : same ? 1 / (1 + Math.abs(gapHours) / 96) ** 0.5 : 1 / (1 + Math.abs(gapHours) / (24 * 60)) ** 0.5;
  return Math.round(content * decay * 1000) / 1000;
}

/** Some evidence tied to the article itself: a name, a person's surname, a place or a whole key term. */
function hasAnchor(m: CandidateMatch): boolean {
  return m.strongNames >= 0.5 || m.places >= 1 || m.terms >= 1;
}

/** A word counts as the event's own when at least this many same-event items (from other outlets) use it. */
const CORROBORATION_MIN_ITEMS = 2;
/** Corroborated items score this fraction of their article evidence plus this much per corroborating word (capped). */
const CORROBORATION_WEIGHT = 0.1;

/**
 * Corroboration by the same event's coverage (pseudo-relevance feedback). Headlines about the
 * event often carry one of the article's names and otherwise the event's own words ("union
 * walked away from deal"), in another language ("Libye : … 90 jours à Genève"), or none of the
 * article's key terms. The words that confidently same-event items share among themselves — in
 * at least two of them, from different outlets, not the article's names — describe the event
 * as others report it. A candidate published in the same-event window, with at least one piece
 * of article evidence (a name, place or key term), counts as the same story when it carries
 * enough of those words: one with a full name, two with a surname, a place or a key term alone.
 * Namesakes (a football club named after the town) share the name but not the event's words.
 */
function corroborate(scored: readonly Scored[], pending: readonly Scored[], profile: ArticleProfile): Scored[] {
  if (!pending.length) return [];
  const own = profile.ownStems;
  const keysOf = (s: Scored) => {
    const keys = [...s.match.titleKeys];
    for (const n of s.match.titleNumbers) if (!profile.numbers.has(n)) keys.push(`#${n}`);
    return keys;
  };
  // Word (stem, or `#` + number) → outlets of same-event items using it.
  const outlets = new Map<string, Set<string>>();
  for (const s of scored) {
    if (!s.same) continue;
    const outlet = outletKey(s.story);
    for (const key of keysOf(s)) {
      if (own.has(key)) continue;
      let set = outlets.get(key);
      if (!set) outlets.set(key, (set = new Set()));
      set.add(outlet);
    }
  }
  const out: Scored[] = [];
  for (const p of pending) {
    const outlet = outletKey(p.story);
    // A number the article does not state, but other coverage of the event does, is specific enough from one outlet.
    const words = keysOf(p).filter((key) => {
      const set = outlets.get(key);
      return set !== undefined && set.size - (set.has(outlet) ? 1 : 0) >= (key.startsWith('#') ? 1 : CORROBORATION_MIN_ITEMS);
    });
    // One word or number with a name (or two places); two with a surname, one place or a key term alone.
    const needed = p.match.strongNames >= 1 || p.match.places >= 2 ? 1 : 2;
    if (words.length < needed) continue;
    const content = Math.min(0.95, p.match.content + CORROBORATION_WEIGHT * Math.min(words.length, 3));
    // Shown as the headline's own words ("union", "140"), not their stems.
    const set = new Set(words);
    const shown = [...new Set(tokenize(p.story.title).filter((t) => set.has(wordKey(t)) || set.has(`#${numberKey(t)}`)))];
    out.push({ ...p, score: scoreOf(content, p.gapHours, true), corroboratedBy: shown });
  }
  return out;
}

function reasonsFor(s: Scored): string[] {
  const reasons: string[] = [];
  if (s.match.shared.length) reasons.push(`Shares: ${s.match.shared.slice(0, 4).join(', ')}`);
  if (s.corroboratedBy?.length) reasons.push(`Like other coverage: ${s.corroboratedBy.slice(0, 3).join(', ')}`);
  if (s.gapHours !== null) reasons.push(formatGap(s.gapHours));
  return reasons;
}

/** Stems shared by more items than this identify nothing and are not used to find duplicates. */
const MAX_POSTING = 64;

/**
 * Merges near-duplicates into the best-scored item of each cluster (input sorted by score).
 * Candidates for a merge are found through the headline stems they share (an inverted
 * index), counting shared stems on the way, so the Jaccard test costs nothing extra.
 */
function mergeDuplicates(sorted: Scored[]): RankedStory[] {
  const out: RankedStory[] = [];
  const sizes: number[] = [];
  const byStem = new Map<string, number[]>();
  const byUrl = new Map<string, number>();
  const shared = new Map<number, number>();
  for (const s of sorted) {
    let target = byUrl.get(s.story.url);
    if (target === undefined && s.titleStems.length >= 3) {
      shared.clear();
      for (const st of s.titleStems) {
        const posting = byStem.get(st);
        if (!posting || posting.length > MAX_POSTING) continue;
        for (const i of posting) shared.set(i, (shared.get(i) ?? 0) + 1);
      }
      let best = DUPLICATE_JACCARD;
      for (const [i, common] of shared) {
        const j = common / (sizes[i]! + s.titleStems.length - common);
        if (j >= best) {
          best = j;
          target = i;
        }
      }
    }
    if (target !== undefined) {
      const rep = out[target]!;
      if (s.story.url !== rep.url && outletKey(rep) !== outletKey(s.story) && !rep.alsoIn.some((a) => a.url === s.story.url)) {
        rep.alsoIn.push({ source: s.story.source, url: s.story.url });
      }
      continue;
    }
    const index = out.length;
    out.push({ ...s.story, score: s.score, reasons: reasonsFor(s), alsoIn: [] });
    sizes.push(s.titleStems.length);
    byUrl.set(s.story.url, index);
    for (const st of s.titleStems) {
      const posting = byStem.get(st);
      if (posting) posting.push(index);
      else byStem.set(st, [index]);
    }
  }
  return out;
}

/** Reorders so that no outlet has more than PER_OUTLET items in the first TOP_N; the rest keep their order. */
function diversify(items: RankedStory[]): RankedStory[] {
  const top: RankedStory[] = [];
  const deferred: RankedStory[] = [];
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = outletKey(item);
    const n = counts.get(key) ?? 0;
    if (top.length < TOP_N && n < PER_OUTLET) {
      top.push(item);
      counts.set(key, n + 1);
    } else {
      deferred.push(item);
    }
  }
  // Items deferred while the top still had room ahead of them stay after the top block.
  return [...top, ...deferred];
}
