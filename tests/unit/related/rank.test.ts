import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../utils/analysis/types';
import { bingNewsProvider } from '../../../utils/providers/bing-news';
import { gdeltProvider } from '../../../utils/providers/gdelt';
import { googleNewsProvider } from '../../../utils/providers/google-news';
import { canonicalStoryUrl } from '../../../utils/related/normalize';
import { formatGap, isRelated, rankRelated, type RankArticle } from '../../../utils/related/rank';
import { buildProfile, matchCandidate } from '../../../utils/related/similarity';
import { consonants, foldText, skeleton, stem, tokenize } from '../../../utils/related/text';
import type { RelatedStory } from '../../../utils/related/types';

const analysis: Analysis = {
  lang: 'en',
  entities: [
    { name: 'Mohammed al-Rashidi', type: 'person', mentions: 7, variants: ['al-Rashidi'] },
    { name: 'Libya', type: 'place', mentions: 8, variants: [] },
    { name: 'Geneva', type: 'place', mentions: 4, variants: [] },
    { name: 'Ingrid Solberg', type: 'person', mentions: 3, variants: ['Solberg'] },
  ],
  keyTerms: ['talks', 'election date', 'ceasefire'],
  summary: [],
};
const T0 = Date.parse('2025-04-22T09:00:00Z');
const article: RankArticle = {
  title: 'UN-brokered Libya talks open in Geneva as al-Rashidi demands election date',
  canonicalUrl: 'https://www.worlddesk.example.com/libya-talks?utm_source=x',
  publishedAt: new Date(T0).toISOString(),
  analysis,
};
let n = 0;
const story = (title: string, hours: number | null, domain = `outlet${n++}.example`, extra: Partial<RelatedStory> = {}): RelatedStory => ({
  title,
  url: `https://www.${domain}/${n++}`,
  source: domain,
  domain,
  publishedAt: hours === null ? null : new Date(T0 + hours * 3_600_000).toISOString(),
  description: null,
  lang: 'en',
  provider: 'gdelt',
  ...extra,
});
const now = T0 + 7 * 86_400_000;

describe('text keys', () => {
  it('folds accents and special letters', () => {
    expect(foldText('Erdoğan Häußler ŁÓDŹ O’Neill')).toBe('erdogan haussler lodz oneill');
    expect(tokenize('Veltrix pays $4.2bn, “again”')).toEqual(['veltrix', 'pays', '4.2bn', 'again']);
  });

  it('makes transliteration variants equal or close', () => {
    expect(skeleton('zelenskyy')).toBe(skeleton('selenskyj'));
    expect(skeleton('qaddafi')).toBe(skeleton('kadhafi'));
    expect(skeleton('rashidi')).toBe(skeleton('rachidi'));
    expect(consonants(skeleton('mohammed'))).toBe(consonants(skeleton('muhamad')));
    expect(stem('striking')).toBe(stem('strikes'));
  });
});

describe('matchCandidate', () => {
  const profile = buildProfile(article.title, analysis);

  it('counts a transliterated full name as a strong name', () => {
    const m = matchCandidate(profile, 'Muhammad el-Rachidi says no deal without vote', null);
    expect(m.strongNames).toBe(1);
    expect(m.shared).toContain('Mohammed al-Rashidi');
  });

  it('counts a non-protagonist surname as half a name, and a different first name less', () => {
    expect(matchCandidate(profile, 'Solberg urges calm', null).strongNames).toBe(0.5);
    expect(matchCandidate(profile, 'Ingrid Solberg urges calm', null).strongNames).toBe(1);
  });

  it('weighs snippet evidence below title evidence', () => {
    const inTitle = matchCandidate(profile, 'Geneva talks: Rashidi wants election date', null);
    const inSnippet = matchCandidate(profile, 'Diplomacy update', 'Geneva talks: Rashidi wants election date');
    expect(inTitle.content).toBeGreaterThan(inSnippet.content);
    expect(inSnippet.content).toBeGreaterThan(0);
  });

  it('needs two pieces of evidence to call a candidate related', () => {
    expect(isRelated(matchCandidate(profile, 'Rashidi at Geneva talks', null))).toBe(true);
    expect(isRelated(matchCandidate(profile, 'Geneva motor show cancelled', null))).toBe(false);
    expect(isRelated(matchCandidate(profile, 'Erna Solberg visits Geneva', null))).toBe(false);
    expect(isRelated(matchCandidate(profile, 'Iran nuclear talks resume', null))).toBe(false);
  });
});

describe('rankRelated', () => {
  it('drops the article itself, by canonical URL or by same outlet and headline', () => {
    const self1 = { ...story('Anything', 0), url: 'https://www.worlddesk.example.com/libya-talks' };
    const self2 = story('UN-brokered Libya talks open in Geneva as al-Rashidi demands election date', 0, 'worlddesk.example.com');
    const other = story('Libya talks in Geneva: al-Rashidi insists on election date', 2);
    const result = rankRelated({ ...article, domain: 'worlddesk.example.com' }, [self1, self2, other], { now });
    expect(result.sameStory.map((s) => s.url)).toEqual([other.url]);
    expect(result.background).toEqual([]);
  });

  it('splits the same event from earlier background and drops unrelated items', () => {
    const same = story('Rashidi sets election date condition at Geneva talks', 3);
    const background = story('Rashidi rejects ceasefire proposal', -700);
    const unrelated = story('Geneva airport passenger numbers recover', 2);
    const result = rankRelated(article, [unrelated, background, same], { now });
    expect(result.sameStory.map((s) => s.url)).toEqual([same.url]);
    expect(result.background.map((s) => s.url)).toEqual([background.url]);
  });

  it('explains each item: shared names and terms, and the time gap', () => {
    const [top] = rankRelated(article, [story('Libya talks: al-Rashidi demands election date in Geneva', 3)], { now }).sameStory;
    expect(top!.reasons).toEqual(['Shares: Mohammed al-Rashidi, Libya, Geneva, talks', '3 h later']);
    expect(top!.score).toBeGreaterThan(0);
    expect(top!.score).toBeLessThanOrEqual(1);
  });

  it('merges wire copies and the same URL from two providers into one item with alsoIn', () => {
    const wire = 'Libyan factions start UN talks in Geneva with al-Rashidi';
    const a = story(wire, 1, 'a.example');
    const b = story(wire, 1.5, 'b.example');
    const c = story(`${wire} - live`, 2, 'c.example');
    const dup = { ...a, provider: 'google-news' };
    const result = rankRelated(article, [a, b, c, dup], { now });
    expect(result.sameStory).toHaveLength(1);
    expect(result.sameStory[0]!.alsoIn.map((x) => x.source).sort()).toEqual(['b.example', 'c.example']);
  });

  it('keeps at most 2 items per outlet in the top 10', () => {
    const titles = ['Rashidi demands election date', 'Geneva talks: Rashidi walks out', 'Rashidi and Solberg meet for talks', 'Rashidi: ceasefire must hold', 'Talks stall as Rashidi digs in'];
    const same = titles.map((t, i) => story(t, 1 + i, 'big.example'));
    const words = ['warns', 'smiles', 'insists', 'refuses', 'agrees', 'waits', 'returns', 'leaves', 'speaks', 'listens', 'pauses', 'objects'];
    const others = words.map((w, i) => story(`Rashidi ${w} as talks go on`, 2 + i));
    const result = rankRelated(article, [...same, ...others], { now });
    const top = result.sameStory.slice(0, 10);
    expect(top.filter((s) => s.domain === 'big.example').length).toBeLessThanOrEqual(2);
    expect(result.sameStory.filter((s) => s.domain === 'big.example').length).toBe(5);
  });

  it('treats undated candidates by evidence alone and distrusts dates in the future', () => {
    const undatedStrong = story('Libya talks in Geneva: al-Rashidi demands election date', null);
    const future = story('Rashidi and Solberg hold ceasefire talks', 24 * 365);
    const result = rankRelated(article, [undatedStrong, future], { now });
    expect(result.sameStory.map((s) => s.url)).toContain(undatedStrong.url);
    expect(result.sameStory.find((s) => s.url === future.url)?.reasons.some((r) => r.includes('later'))).toBe(false);
  });

  it('formats time gaps', () => {
    expect([formatGap(0.2), formatGap(3), formatGap(-30), formatGap(24 * 5), formatGap(-24 * 200)]).toEqual([
      'same hour', '3 h later', '30 h earlier', '5 days later', '7 months earlier',
    ]);
  });
});

describe('rankRelated on the labelled set (tests/fixtures/related)', () => {
  const root = join(import.meta.dirname, '../../fixtures/related');
  const stories = readdirSync(root).filter((d) => d !== 'stories' && statSync(join(root, d)).isDirectory());

  it.each(stories)('%s: top 5 same-story items are all labelled same, no unrelated item in either top 10, article dropped', (id) => {
    const read = (f: string) => readFileSync(join(root, id, f), 'utf8');
    const art = JSON.parse(read('article.json')) as RankArticle;
    const labels = new Map(Object.entries(JSON.parse(read('labels.json')) as Record<string, string>).map(([u, l]) => [canonicalStoryUrl(u), l]));
    const candidates = [
      ...googleNewsProvider.parseResponse(read('google-news.xml')),
      ...gdeltProvider.parseResponse(read('gdelt.json')),
      ...bingNewsProvider.parseResponse(read('bing-news.xml')),
    ];
    expect(candidates.length).toBeGreaterThanOrEqual(40);
    const result = rankRelated(art, candidates, { now: Date.parse(art.publishedAt!) + 7 * 86_400_000 });
    expect(result.sameStory.slice(0, 5).map((s) => labels.get(s.url))).toEqual(['same', 'same', 'same', 'same', 'same']);
    const top = [...result.sameStory.slice(0, 10), ...result.background.slice(0, 10)];
    expect(top.filter((s) => labels.get(s.url) === 'unrelated')).toEqual([]);
    const shown = [...result.sameStory, ...result.background].flatMap((s) => [s.url, ...s.alsoIn.map((a) => a.url)]);
    expect(shown.filter((u) => labels.get(u) === 'self')).toEqual([]);
  });
});
