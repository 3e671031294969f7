import { describe, expect, it } from 'vitest';
import { rankRelated, type RankArticle } from '../../../utils/related/rank';
import { buildProfile, isRelated, matchCandidate, placeRoot, sharesEventWithoutNames } from '../../../utils/related/similarity';
import { conceptOf, conceptWords } from '../../../utils/related/terms';
import { skeleton, skeletonInitial, tokenize, tokenizeCased } from '../../../utils/related/text';
import type { RelatedStory } from '../../../utils/related/types';

const concepts = (text: string) => tokenize(text).map(conceptOf);

describe('multilingual term dictionary', () => {
  it('gives one concept to the same news word in en, de, fr, es, it, pt and nl', () => {
    expect(new Set(concepts('strike Streik grève huelga sciopero greve staking'))).toEqual(new Set(['~strike']));
    expect(new Set(concepts('election Wahl élection elección elezioni eleição verkiezing'))).toEqual(new Set(['~election']));
    expect(new Set(concepts('earthquake Erdbeben séisme terremoto sismo aardbeving'))).toEqual(new Set(['~earthquake']));
    expect(new Set(concepts('flood Hochwasser inondation inundación alluvione enchente overstroming'))).toEqual(new Set(['~flood']));
    expect(new Set(concepts('ceasefire Waffenruhe trêve tregua wapenstilstand'))).toEqual(new Set(['~ceasefire']));
    expect(new Set(concepts('tariffs Zölle aranceles dazi tarieven'))).toEqual(new Set(['~tariff']));
    expect(new Set(concepts('inflation Inflation inflación inflazione inflação inflatie'))).toEqual(new Set(['~inflation']));
    expect(new Set(concepts('ruling Urteil jugement sentencia sentenza vonnis'))).toEqual(new Set(['~ruling']));
  });

  it('matches other inflections of a listed word', () => {
    expect(concepts('strikes striking evacuations elected scioperi')).toEqual(['~strike', '~strike', '~evacuation', '~election', '~strike']);
  });

  it('reads German and Dutch compounds by their last part', () => {
    expect(concepts('Präsidentschaftswahl Stichwahl Warnstreik Waldbrand presidentsverkiezingen')).toEqual([
      '~election',
      '~election',
      '~strike',
      '~fire',
      '~election',
    ]);
  });

  it('does not match look-alike words: whole words only, compound heads only where marked', () => {
    // "investors" is not "investigation", "politics" is not Dutch "politie", "winter" is not "wint", "brand" alone is a make.
    expect(concepts('investors politics winter brand store rules display')).toEqual([null, null, null, null, null, null, null]);
  });

  it('lists no word under two concepts', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [concept, words] of conceptWords()) {
      for (const w of words) {
        if (seen.has(w) && seen.get(w) !== concept) clashes.push(`${w}: ${seen.get(w)} / ${concept}`);
        seen.set(w, concept);
      }
    }
    expect(clashes).toEqual([]);
    expect(seen.size).toBeGreaterThan(500);
  });
});

describe('key terms across languages (bench cases: valdora-earthquake, slowenien-stichwahl)', () => {
  const quake = buildProfile('Earthquake near Valdora kills at least 14 in central Italy', {
    entities: [
      { name: 'Valdora', type: 'place', variants: [] },
      { name: 'Umbria', type: 'place', variants: [] },
      { name: 'Giorgio Salvetti', type: 'person', variants: ['Salvetti'] },
      { name: 'Italy', type: 'place', variants: [] },
    ],
    keyTerms: ['earthquake', 'rescuers', 'rubble', 'death toll', 'homeless'],
    summary: ['A magnitude 6.1 earthquake struck near Valdora, killing at least 14 people.'],
  });

  it('finds an English key term in a French, German or Dutch headline', () => {
    expect(matchCandidate(quake, 'Séisme en Ombrie : au moins 14 morts', null).shared).toContain('earthquake');
    expect(matchCandidate(quake, 'Erdbeben: Retter suchen nach Vermissten', null).terms).toBe(2);
    expect(matchCandidate(quake, 'Aardbeving: dodental stijgt naar 17', null).terms).toBeGreaterThanOrEqual(1.5);
  });

  it('counts key terms that are one concept once (Stichwahl, Präsidentschaftswahl)', () => {
    const vote = buildProfile('Stichwahl in Slowenien: Ana Kovačič wird erste Präsidentin', {
      entities: [{ name: 'Ana Kovačič', type: 'person', variants: ['Kovačič'] }],
      keyTerms: ['Stichwahl', 'Präsidentschaftswahl', 'Präsidentin'],
    });
    expect(matchCandidate(vote, 'Une élection présidentielle', null).terms).toBe(2);
  });

  it('admits a headline with no names and three key terms, or two and a stated count, only in the same-event window', () => {
    // "Rescuers dig through rubble with bare hands as death toll rises" (same story, no name).
    expect(sharesEventWithoutNames(matchCandidate(quake, 'Rescuers dig through rubble with bare hands as death toll rises', null))).toBe(true);
    expect(sharesEventWithoutNames(matchCandidate(quake, 'Earthquake death toll reaches 14', null))).toBe(true);
    // Another earthquake, the same day: two terms at most, no count of this one.
    expect(sharesEventWithoutNames(matchCandidate(quake, 'Magnitude 5.4 earthquake shakes northern Japan, no damage reported', null))).toBe(false);
    expect(sharesEventWithoutNames(matchCandidate(quake, 'Phone makers add earthquake alerts', null))).toBe(false);
    const article: RankArticle = { title: 'Earthquake near Valdora kills at least 14 in central Italy', canonicalUrl: 'https://a.example/q', publishedAt: '2025-09-03T05:00:00Z', analysis: { entities: [{ name: 'Valdora', type: 'place', variants: [], mentions: 5 }], keyTerms: ['earthquake', 'rescuers', 'rubble', 'death toll'] } };
    const at = (hours: number): RelatedStory => ({ title: 'Rescuers dig through rubble as death toll rises', url: `https://b.example/${hours}`, source: 'B', domain: 'b.example', publishedAt: new Date(Date.parse(article.publishedAt!) + hours * 3_600_000).toISOString(), description: null, lang: 'en', provider: 'gdelt' });
    const ranked = rankRelated(article, [at(3), at(-2000)], { now: Date.parse(article.publishedAt!) + 7 * 86_400_000 });
    expect(ranked.sameStory.map((s) => s.url)).toEqual(['https://b.example/3']);
    expect(ranked.background).toEqual([]);
  });
});

describe('place names across languages (bench case: slowenien-stichwahl)', () => {
  it('gives exonyms and demonyms one root', () => {
    const root = (w: string) => placeRoot(tokenize(w).join(''));
    expect(new Set(['slovenien', 'slovenia', 'slovenie', 'eslovenia', 'slovenian'].map(root))).toEqual(new Set(['sloven']));
    expect(new Set(['italy', 'italian', 'italien', 'italia', 'italie'].map(root))).toEqual(new Set(['ital']));
    expect(root('Rom')).toBeNull();
  });

  it('finds the article’s place in another language, not a neighbour', () => {
    const profile = buildProfile('Stichwahl in Slowenien', {
      entities: [{ name: 'Slowenien', type: 'place', variants: [] }],
      keyTerms: ['Stichwahl'],
    });
    expect(matchCandidate(profile, 'Eslovenia elige a su primera presidenta', null).places).toBe(1);
    expect(matchCandidate(profile, 'Slovenian run-off', null).places).toBe(1);
    expect(matchCandidate(profile, 'Slovak president signs media law', null).places).toBe(0);
  });
});

describe('names followed by another capitalised word (bench cases: veltrix-acquisition, slowenien-stichwahl)', () => {
  const profile = buildProfile('Veltrix agrees to buy Norrsken Data', {
    entities: [
      { name: 'Veltrix', type: 'organization', variants: [] },
      { name: 'Norrsken Data', type: 'organization', variants: ['Norrsken'] },
      { name: 'Marko Zupan', type: 'person', variants: ['Zupan'] },
    ],
    keyTerms: ['takeover', 'chips'],
  });

  it('are another company, not the article’s ("Norrsken Analytics hires new CFO")', () => {
    expect(matchCandidate(profile, 'Swedish data firm Norrsken Analytics hires new CFO', null).strongNames).toBe(0);
    expect(matchCandidate(profile, 'Zupan Robotics raises €40m', null).strongNames).toBe(0);
  });

  it('still count when the next word is an acronym, lower case, punctuated or the headline is in Title Case', () => {
    expect(matchCandidate(profile, 'Veltrix CEO says company open to takeover', null).strongNames).toBe(1);
    expect(matchCandidate(profile, 'Norrsken shares jump on takeover', null).strongNames).toBe(1);
    expect(matchCandidate(profile, 'Zupan: Norrsken Deal Done', null).strongNames).toBeGreaterThan(1);
    expect(matchCandidate(profile, 'Norrsken Shares Jump On Veltrix Takeover Bid', null).strongNames).toBe(2);
  });

  it('tokenizeCased keeps capitals and direct succession', () => {
    expect(tokenizeCased('Norrsken Analytics: CEO quits')).toEqual({
      tokens: ['norrsken', 'analytics', 'ceo', 'quits'],
      capital: [true, true, false, false],
      joined: [true, false, true, false],
    });
  });
});

describe('two of the article’s people by surname (bench case: slowenien-stichwahl background)', () => {
  it('are related without a key term; a surname and the town are not', () => {
    const profile = buildProfile('Run-off won by the Social Democrat', {
      entities: [
        { name: 'Harwick', type: 'place', variants: [] },
        { name: 'Ana Kovačič', type: 'person', variants: ['Kovačič'] },
        { name: 'Marko Zupan', type: 'person', variants: ['Zupan'] },
      ],
      keyTerms: ['run-off'],
    });
    expect(isRelated(matchCandidate(profile, 'Zupan and Kovacic clash in final TV debate', null))).toBe(true);
    expect(isRelated(matchCandidate(profile, 'Zupan scores twice for Harwick', null))).toBe(false);
  });
});

describe('skeleton without regular expressions (speed work on rankRelated)', () => {
  /** The rules as they were first written, with regular expressions: the reference. */
  const reference = (token: string) =>
    token
      .replace(/ph/g, 'f')
      .replace(/s?[sc]h/g, 's')
      .replace(/(?<=[bdgkpt])h/g, '')
      .replace(/[qc](?!h)/g, 'k')
      .replace(/ck/g, 'k')
      .replace(/z/g, 's')
      .replace(/[yj]/g, 'i')
      .replace(/w/g, 'v')
      .replace(/ou/g, 'u')
      .replace(/(.)\1+/g, '$1');

  it('gives the reference result on transliteration variants and on 50,000 random words over the letters the rules touch', () => {
    for (const w of ['zelenskyy', 'selenskyj', 'qaddafi', 'kadhafi', 'rashidi', 'rachidi', 'schmidt', 'philippe', 'mcclock', 'ssh', 'qh', 'cch']) {
      expect(skeleton(w)).toBe(reference(w));
    }
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const letters = 'abcdghjkopqstuwyz';
    const wrong: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let w = '';
      const length = 1 + Math.floor(random() * 9);
      for (let i = 0; i < length; i++) w += letters[Math.floor(random() * letters.length)];
      if (skeleton(w) !== reference(w) || skeletonInitial(w) !== (reference(w)[0] ?? '')) wrong.push(w);
    }
    expect(wrong).toEqual([]);
  });
});

describe('two of the article’s places and a key term (bench cases: libya-talks "Libye : … pourparlers de Genève", valdora-earthquake)', () => {
  it('are related; one place and the term are not', () => {
    const profile = buildProfile('Earthquake near Valdora kills at least 14', {
      entities: [
        { name: 'Valdora', type: 'place', variants: [] },
        { name: 'Umbria', type: 'place', variants: [] },
        { name: 'Italy', type: 'place', variants: [] },
      ],
      keyTerms: ['earthquake'],
    });
    expect(isRelated(matchCandidate(profile, 'Italy declares state of emergency after Umbria earthquake', null))).toBe(true);
    expect(isRelated(matchCandidate(profile, 'Italy declares state of emergency after earthquake', null))).toBe(false);
  });
});
