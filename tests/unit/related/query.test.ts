import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../utils/analysis/types';
import { googleNewsQuery } from '../../../utils/providers/google-news';
import { gdeltQuery } from '../../../utils/providers/gdelt';
import { BING_SYNTAX } from '../../../utils/providers/bing-news';
import { MAX_QUERY_LENGTH, asciiFold, buildQuery, formatQueryTerms, queryTimeRange } from '../../../utils/related/query';

const summary = [
  'Talks between Libya’s rival governments opened in Geneva on Tuesday under UN auspices.',
  'Mohammed al-Rashidi, who heads the eastern delegation, said he would not sign any deal without a date for national elections.',
];
const analysis: Analysis = {
  lang: 'en',
  entities: [
    { name: 'Mohammed al-Rashidi', type: 'person', mentions: 7, variants: ['al-Rashidi', 'Rashidi', 'Muhammad al-Rashidi', 'Mohamed el-Rachidi'] },
    { name: 'Libya', type: 'place', mentions: 8, variants: [] },
    { name: 'Geneva', type: 'place', mentions: 4, variants: ['Genève'] },
    { name: 'Recep Tayyip Erdoğan', type: 'person', mentions: 2, variants: ['Erdoğan'] },
    { name: 'Kim Jong Un', type: 'person', mentions: 1, variants: ['Kim'] },
    { name: 'United Nations', type: 'organization', mentions: 3, variants: ['UN'] },
    { name: summary[1]!, type: 'other', mentions: 1, variants: [] },
  ],
  keyTerms: ['election date', 'Libya', 'ceasefire', 'he would not sign any deal without a date for national elections', 'talks', 'envoy', 'militias'],
  summary,
};

describe('buildQuery', () => {
  const q = buildQuery(analysis, { lang: 'en-GB', publishedAt: '2025-04-22T09:00:00Z' }, { region: 'gb', window: 'near' });

  it('keeps salient names with usable variants plus an accent-free spelling', () => {
    expect(q.entities.map((e) => e.name)).toEqual(['Mohammed al-Rashidi', 'Libya', 'Geneva', 'Recep Tayyip Erdoğan', 'Kim Jong Un']);
    expect(q.entities[0]!.variants).toEqual(['al-Rashidi', 'Rashidi', 'Muhammad al-Rashidi']);
    expect(q.entities[3]!.variants).toEqual(['Recep Tayyip Erdogan', 'Erdoğan']);
    expect(q.entities[4]!.variants).toEqual([]); // "Kim" alone would match far too much
  });

  it('leaves out sentence-like names and terms, and terms that are already names', () => {
    expect(q.keyTerms).toEqual(['election date', 'ceasefire', 'talks', 'envoy', 'militias']);
    expect(q.entities.some((e) => e.name.includes('deal'))).toBe(false);
  });

  it('normalises language, region and date', () => {
    expect(q).toMatchObject({ lang: 'en', region: 'GB', publishedAt: Date.parse('2025-04-22T09:00:00Z'), window: 'near' });
    expect(buildQuery({ ...analysis, lang: '' }, { lang: null, publishedAt: 'garbage' }, { region: 'US', window: 'wide' })).toMatchObject({
      lang: 'en',
      publishedAt: null,
    });
  });

  it('gives provider queries that are short and contain no sentence of the article', () => {
    for (const window of ['near', 'wide'] as const) {
      const wq = { ...q, window };
      for (const text of [googleNewsQuery(wq), gdeltQuery(wq), formatQueryTerms(wq, BING_SYNTAX)]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        for (const sentence of summary) expect(text).not.toContain(sentence.slice(0, 40));
        expect(text).not.toMatch(/https?:/);
      }
    }
  });

  it('writes variants as a quoted OR group and ANDs concepts, people and organisations before places', () => {
    expect(formatQueryTerms(q, BING_SYNTAX)).toBe(
      '("Mohammed al-Rashidi" OR "al-Rashidi" OR Rashidi OR "Muhammad al-Rashidi") ("Recep Tayyip Erdoğan" OR Erdoğan) "election date"',
    );
    // GDELT does not fold accents: the accent-free spelling is ORed in.
    expect(gdeltQuery(q)).toContain('("Recep Tayyip Erdoğan" OR "Recep Tayyip Erdogan" OR Erdoğan)');
  });

  it('stays under the length limit with very long names', () => {
    const long = buildQuery(
      { ...analysis, entities: [{ name: 'Organisation For Long Names', type: 'organization', mentions: 1, variants: ['A'.repeat(59), 'B'.repeat(59), 'C'.repeat(59)] }] },
      { lang: 'en', publishedAt: null },
      { region: 'US', window: 'near' },
    );
    expect(googleNewsQuery(long).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(googleNewsQuery(long)).toContain('"Organisation For Long Names"');
  });
});

describe('queryTimeRange and asciiFold', () => {
  it('spans days around the article for near, months before for wide', () => {
    const t = Date.parse('2025-04-22T00:00:00Z');
    const base = { entities: [], keyTerms: [], lang: 'en', region: 'US', publishedAt: t };
    expect(queryTimeRange({ ...base, window: 'near' })).toEqual({ from: t - 3 * 86_400_000, to: t + 4 * 86_400_000 });
    expect(queryTimeRange({ ...base, window: 'wide' })!.from).toBe(t - 180 * 86_400_000);
    expect(queryTimeRange({ ...base, publishedAt: null, window: 'near' })).toBeNull();
  });

  it('folds accents and special letters, keeping case', () => {
    expect(asciiFold('Erdoğan Häußler Łódź Ørsted')).toBe('Erdogan Haussler Lodz Orsted');
  });
});
