import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../utils/analysis/analyse';
import { foldName } from '../../../utils/analysis/text';

const FIXTURES = join(import.meta.dirname, '../../fixtures/analysis');

describe('analyseArticle on degenerate input', () => {
  it('returns an empty analysis for an empty article', () => {
    expect(analyseArticle({ title: '', text: '', lang: null })).toEqual({ lang: 'und', entities: [], keyTerms: [], summary: [] });
  });
  it('handles a headline-only article and a text of punctuation', () => {
    const a = analyseArticle({ title: 'Brief: Lyon', text: '— … —', lang: 'fr' });
    expect(a.lang).toBe('fr');
    expect(a.summary).toEqual(['— … —']);
    expect(a.entities.map((e) => e.name)).toEqual(['Lyon']);
  });
  it('finishes a 100,000-word text and still finds its people (no quadratic blow-up)', () => {
    // A very long live blog: the same paragraphs repeated with a varying number.
    const paragraph = (i: number) =>
      `Update ${i}: Mayor Anna Berger said the water in Harwick was rising again and residents should stay indoors. ` +
      `Engineers from the Environment Agency inspected the barrier for the ${i}th time while volunteers filled sandbags near the river.`;
    const parts: string[] = [];
    let words = 0;
    for (let i = 0; words < 100_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      words += p.split(/\s+/).length;
    }
    const a = analyseArticle({ title: 'Live: flood in Harwick', text: parts.join('\n\n'), lang: 'en' });
    const byName = (name: string) => a.entities.find((e) => e.name === name);
    expect(byName('Anna Berger')).toMatchObject({ type: 'person', mentions: parts.length });
    expect(byName('Harwick')).toMatchObject({ type: 'place', mentions: parts.length + 1 });
    expect(byName('Environment Agency')).toMatchObject({ type: 'organization', mentions: parts.length });
    // Every paragraph says the same: near-duplicates are skipped, so fewer than three sentences remain.
    expect(a.summary).toEqual([parts[0]!.split('. ')[0] + '.', parts[0]!.split('. ')[1]]);
    expect(a.keyTerms).toContain('Harwick');
    // Not a speed goal (that is bench territory): a generous limit so a loaded machine passes, while a
    // quadratic pass over 100,000 words would still never finish in time.
  }, 60_000);
});

describe('analyseArticle on the labelled fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  const norm = (s: string) => foldName(s).replace(/[-'’.]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const file of cases) {
    it(`finds every labelled person, and no unlabelled one, in ${file}`, () => {
      const [title, ...rest] = readFileSync(join(FIXTURES, file), 'utf8').split(/\n\s*\n/);
      const labels = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.txt$/, '.labels.json')), 'utf8')) as {
        lang: string;
        people: Array<{ name: string; variants: string[] }>;
      };
      const a = analyseArticle({ title: title!, text: rest.join('\n\n'), lang: labels.lang });
      const people = a.entities.filter((e) => e.type === 'person').map((e) => [e.name, ...e.variants].map(norm));
      const accepted = labels.people.map((p) => new Set([p.name, ...p.variants].map(norm)));
      for (const names of accepted) expect(people.some((p) => p.some((n) => names.has(n))), [...names][0]).toBe(true);
      for (const p of people) expect(accepted.some((names) => p.some((n) => names.has(n))), p[0]).toBe(true);
      expect(a.summary).toHaveLength(3);
      expect(a.keyTerms.length).toBeGreaterThanOrEqual(5);
    });
  }
});
