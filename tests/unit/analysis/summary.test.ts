import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../utils/analysis/analyse';

// A flood-barrier story with a byline, a photo caption and a near-duplicate sentence, as a page
// extraction can leave them in the text.
const TITLE = 'Council approves flood barrier on the River Wend';
const TEXT = [
  'By Jane Doe',
  'The town council approved a £48 million flood barrier on the River Wend on Tuesday night after a four-hour debate.',
  'Photo: the river at high water last February',
  'The flood barrier will protect about 400 homes on the east side of the town, which flooded badly last winter.',
  'The council approved a flood barrier worth £48 million on the River Wend on Tuesday night after a long debate.',
  'Opponents said the barrier would push flood water downstream towards the villages of Millbrook and Stanford Cross.',
  'A bakery owner said she had spent eleven thousand pounds drying out her shop after the last flood.',
  'Construction of the barrier is due to start next spring and take about three years, the council said.',
  'Campaigners said they would ask for a judicial review.',
].join('\n\n');

describe('summary', () => {
  const { summary } = analyseArticle({ title: TITLE, text: TEXT, lang: 'en' });
  const sentences = TEXT.split('\n\n');

  it('returns three sentences taken verbatim from the article, in article order', () => {
    expect(summary).toHaveLength(3);
    const positions = summary.map((s) => sentences.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
  it('skips bylines and captions', () => {
    expect(summary).not.toContain('By Jane Doe');
    expect(summary.some((s) => s.startsWith('Photo:'))).toBe(false);
  });
  it('does not pick two near-duplicate sentences', () => {
    const both = [sentences[1], sentences[4]].filter((s) => summary.includes(s!));
    expect(both.length).toBeLessThanOrEqual(1);
  });
  it('leads with the opening sentence of a news story', () => {
    expect(summary[0]).toBe(sentences[1]);
  });
  it('returns what there is for a text shorter than three sentences', () => {
    expect(analyseArticle({ title: '', text: 'Only one sentence here.', lang: 'en' }).summary).toEqual(['Only one sentence here.']);
  });
  it('keeps only one of a standfirst and the lede that restates it at greater length', () => {
    // A news page's standfirst (dek) extracted as the first paragraph, then the lede saying the same with more detail.
    const text = [
      'Councillors voted to build a tidal barrier on the River Wend, ending a long argument over how to protect homes.',
      'The town council has approved a £48m tidal barrier on the River Wend, ending four years of argument over how to protect homes in the lower town, after a debate that ran past midnight.',
      'The barrier will place three steel gates across the river half a mile downstream from the old bridge.',
      'Opponents said the money would be better spent on raising the existing embankments along the river.',
      'Construction is due to start next spring and take about three years, the council said.',
    ].join('\n\n');
    const picked = analyseArticle({ title: 'Council approves tidal barrier', text, lang: 'en' }).summary;
    expect(picked).toHaveLength(3);
    expect(picked.filter((s) => s.includes('tidal barrier on the River Wend'))).toHaveLength(1);
  });
});
