import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../utils/analysis/analyse';

// A short report on a rail strike: the characteristic terms are "rail strike", "drivers", "pay offer".
const TEXT = [
  'A rail strike by train drivers halted most services across the country on Thursday, the operator said.',
  'The drivers rejected a pay offer of eleven per cent and want a shorter working week. The rail strike is the third this year.',
  'Commuters said the rail strike had made their journeys twice as long. The union said drivers would strike again if no new pay offer came.',
  'Transport Minister Tobias Wendt called on both sides to accept mediation. Wendt said the pay offer was fair.',
].join('\n\n');

describe('key terms', () => {
  const { keyTerms } = analyseArticle({ title: 'Rail strike halts trains as drivers reject pay offer', text: TEXT, lang: 'en' });

  it('ranks the repeated noun phrases of the story first', () => {
    expect(keyTerms.slice(0, 3)).toEqual(expect.arrayContaining(['rail strike', 'pay offer']));
    expect(keyTerms).toContain('drivers');
  });
  it('leaves out stop words and news filler', () => {
    for (const word of ['the', 'said', 'would', 'per', 'cent', 'year']) expect(keyTerms).not.toContain(word);
  });
  it('allows names of entities, but not fragments of them', () => {
    expect(keyTerms).not.toContain('Tobias');
    expect(keyTerms.length).toBeLessThanOrEqual(10);
  });
  it('keeps only capitalised nouns in German', () => {
    const de = analyseArticle({
      title: 'Lokführer streiken',
      text: 'Der Streik der Lokführer hat den Fernverkehr lahmgelegt. Die Lokführer fordern mehr Lohn. Der Streik soll bis Samstag dauern, und der Fernverkehr bleibt eingeschränkt.',
      lang: 'de',
    });
    expect(de.keyTerms).toEqual(expect.arrayContaining(['Streik', 'Lokführer', 'Fernverkehr']));
    expect(de.keyTerms.every((t) => /^\p{Lu}/u.test(t))).toBe(true);
  });
});
