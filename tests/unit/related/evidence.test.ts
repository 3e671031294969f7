import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../utils/analysis/types';
import { rankRelated, type RankArticle } from '../../../utils/related/rank';
import { buildProfile, isRelated, matchCandidate } from '../../../utils/related/similarity';
import { isContentToken, numberKey, tokenize } from '../../../utils/related/text';
import type { RelatedStory } from '../../../utils/related/types';

const T0 = Date.parse('2025-03-18T16:00:00Z');
const now = T0 + 7 * 86_400_000;
let n = 0;
const story = (title: string, hours: number, domain = `outlet${n++}.example`): RelatedStory => ({
  title,
  url: `https://www.${domain}/${n++}`,
  source: domain,
  domain,
  publishedAt: new Date(T0 + hours * 3_600_000).toISOString(),
  description: null,
  lang: 'en',
  provider: 'gdelt',
});

describe('numberKey', () => {
  it('gives one key per value across separators, suffixes and languages', () => {
    const key = (text: string) => tokenize(text).map(numberKey);
    expect(key('3.000 3,000 3000')).toEqual(['3000', '3000', '3000']);
    expect(key('£48m 48 4.2bn 4,2')).toEqual(['48', '48', '4.2', '4.2']);
    expect(key('six sechs seis six')).toEqual(['6', '6', '6', '6']);
    expect(key('twelve zwölf doce douze')).toEqual(['12', '12', '12', '12']);
  });

  it('leaves out years, 0 and 1, and words', () => {
    expect(tokenize('2025 1999 1 0 strike').map(numberKey)).toEqual([null, null, null, null, null]);
    expect(numberKey('1,2')).toBe('1.2');
    expect(numberKey('2100')).toBe('2100');
  });

  it('treats German modal verbs as function words', () => {
    expect(['muss', 'kann', 'soll', 'darf'].filter(isContentToken)).toEqual([]);
  });
});

const court: Analysis = {
  lang: 'de',
  entities: [
    { name: 'Jürgen Häußler', type: 'person', mentions: 9, variants: ['Häußler'] },
    { name: 'Brenntal Energie', type: 'organization', mentions: 7, variants: ['Brenntal'] },
  ],
  keyTerms: ['Bilanzbetrug', 'Urteil'],
  summary: ['Das Gericht hat Häußler zu sechs Jahren Haft verurteilt; der Schaden liegt bei 1,2 Milliarden Euro.'],
};

describe('shared counts and amounts', () => {
  const profile = buildProfile('Landgericht verurteilt Ex-Brenntal-Chef Häußler', court);

  it('match across languages and number formats, from the headline or the summary', () => {
    expect(matchCandidate(profile, 'German court jails ex-Brenntal boss for six years', null).numbers).toBe(1);
    expect(matchCandidate(profile, 'Brenntal losses put at 1.2bn euros', null).numbers).toBe(1);
    expect(matchCandidate(profile, 'Brenntal boss jailed for seven years', null).numbers).toBe(0);
  });

  it('are the second piece of evidence a single name needs, never the only one', () => {
    expect(isRelated(matchCandidate(profile, 'German court jails ex-Brenntal boss for six years', null))).toBe(true);
    expect(isRelated(matchCandidate(profile, 'Brenntal shares jump in Frankfurt', null))).toBe(false);
    expect(isRelated(matchCandidate(profile, 'Six arrested after Munich bank raid', null))).toBe(false);
  });

  it('raise the content score', () => {
    const withCount = matchCandidate(profile, 'Brenntal boss gets six years', null);
    // Not "long sentence": "sentence" is a court ruling in the term dictionary, evidence of its own.
    const without = matchCandidate(profile, 'Brenntal boss gets many years', null);
    expect(withCount.content).toBeGreaterThan(without.content);
  });
});

describe('names across languages', () => {
  it('match when they differ only in a final vowel, for names of five letters or more', () => {
    const profile = buildProfile('Libya talks open', {
      entities: [{ name: 'Libya', type: 'place', variants: [] }, { name: 'Lima', type: 'place', variants: [] }],
      keyTerms: [],
    });
    expect(matchCandidate(profile, 'Libye : ouverture des pourparlers', null).places).toBe(1);
    expect(matchCandidate(profile, 'Libia: iniziano i colloqui', null).places).toBe(1);
    // Too short to trust: "Lima" is not "Limo".
    expect(matchCandidate(profile, 'Limo drivers protest', null).places).toBe(0);
  });
});

const rail: RankArticle = {
  title: 'Northline rail staff to strike for three days over staffing',
  canonicalUrl: 'https://www.courier.example/northline-strike',
  publishedAt: new Date(T0).toISOString(),
  analysis: {
    entities: [
      { name: 'Northline', type: 'organization', mentions: 8, variants: [] },
      { name: 'Castlebury', type: 'place', mentions: 3, variants: [] },
      { name: 'Harwick', type: 'place', mentions: 3, variants: [] },
    ],
    keyTerms: ['strike', 'guards', 'staffing'],
  },
};

/** Coverage that is the same event on the article's own evidence, from four outlets. */
const core = () => [
  story('Northline strike: union members back action over guards', 1, 'a.example'),
  story('Northline guards strike as union rejects offer of 140 jobs', 2, 'b.example'),
  story('Union says Northline strike will go ahead over guards', 3, 'c.example'),
  story('Easter rail misery as Northline guards strike', 4, 'd.example'),
];

describe('corroboration by the same event’s coverage', () => {
  it('admits a headline with one name and a word the event’s other coverage uses, with a reason', () => {
    const walked = story('Northline says union walked away from deal that was close', 5);
    const result = rankRelated(rail, [...core(), walked], { now });
    const item = result.sameStory.find((s) => s.url === walked.url);
    expect(item?.reasons).toEqual(['Shares: Northline', 'Like other coverage: union', '5 h later']);
    // Below the items that carry the article's own evidence.
    expect(result.sameStory.at(-1)!.url).toBe(walked.url);
  });

  it('admits a number that one other outlet reports', () => {
    const jobs = story('Northline: 140 posts at stake', 6);
    const result = rankRelated(rail, [...core(), jobs], { now });
    expect(result.sameStory.find((s) => s.url === jobs.url)?.reasons).toContain('Like other coverage: 140');
  });

  it('admits two places and one corroborating word, but not one place and one word', () => {
    const twoPlaces = story('Castlebury to Harwick: union pickets planned', 8);
    const onePlace = story('Castlebury union branch elects new chair', 8);
    const urls = rankRelated(rail, [...core(), twoPlaces, onePlace], { now }).sameStory.map((s) => s.url);
    expect(urls).toContain(twoPlaces.url);
    expect(urls).not.toContain(onePlace.url);
  });

  it('does not admit a namesake without the event’s words, a word seen in only one other outlet, or the outlet corroborating itself', () => {
    const namesake = story('Northline Bakery opens second shop', 3);
    const once = story('Northline says Easter timetable is ready', 3);
    const self = story('Northline union answers critics', 5, 'a.example');
    const onlyCore = [story('Northline strike: union members back action over guards', 1, 'a.example'), ...core().slice(3)];
    const result = rankRelated(rail, [...onlyCore, namesake, once, self], { now });
    const urls = [...result.sameStory, ...result.background].map((s) => s.url);
    expect(urls).not.toContain(namesake.url);
    expect(urls).not.toContain(once.url);
    expect(urls).not.toContain(self.url);
  });

  it('only admits candidates in the same-event window', () => {
    const early = story('Northline says union walked away from deal', -24 * 30);
    const urls = rankRelated(rail, [...core(), early], { now });
    expect([...urls.sameStory, ...urls.background].map((s) => s.url)).not.toContain(early.url);
  });
});
