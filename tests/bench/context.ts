/**
 * Entity benchmark for the local article analysis (issue "Article context").
 *
 *   npx tsx tests/bench/context.ts [--verbose]
 *
 * Reads the labelled fixtures in tests/fixtures/analysis/ (<case>.txt: headline, blank line, text;
 * <case>.labels.json: the people, places and organisations named, with accepted variants), runs
 * analyseArticle on each, and prints precision and recall per type and language group, next to a
 * capitalised-word baseline, plus language detection and the median analysis time per article.
 *
 * Matching: a predicted entity matches a label when its name or any of its variants equals the
 * label's name or one of its accepted variants (case, diacritics, hyphens and a final 's ignored).
 * Precision for a type: predicted entities of that type matching a label of that type / predicted
 * entities of that type. Recall: labels of that type matched by a predicted entity of that type.
 *
 * The held-out fixtures (labels with "split": "holdout") were written after the heuristics were
 * frozen. Their first, blind run gave P/R person 1.00/1.00, place 0.93/0.82, organisation
 * 0.75/0.75 (English) and person 0.89/0.89, place 1.00/0.55, organisation 1.00/0.78 (de/fr/es).
 * Generic fixes followed (no new gazetteer entries), so they are no longer strictly unseen.
 *
 * A second held-out batch (holdout2-*: one German, one French, one Spanish article) was written and
 * labelled after the next round of generic fixes was frozen (commit b4fbdc2) and committed before its
 * first run; "held-out 1" / "held-out 2" report the two batches apart. At the freeze, batch 1 gave
 * P/R person 1.00/1.00, place 1.00/0.95, organisation 0.89/0.89 (de/fr/es). Batch 2's first, blind
 * run gave person 0.65/0.85, place 1.00/0.62, organisation 0.77/0.38: well below the goals.
 * Generic fixes followed (commit 01f9eb5; one gazetteer entry, "Landtag"), giving batch 2 person
 * 1.00/1.00, place 1.00/0.85, organisation 0.95/0.73; so batch 2 is no longer unseen either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseArticle } from '../../utils/analysis/analyse';
import { lookUpGazetteer } from '../../utils/analysis/gazetteer';
import { detectLanguage } from '../../utils/analysis/language';
import { foldName, segmentText, tokenize } from '../../utils/analysis/text';
import type { Entity, EntityType } from '../../utils/analysis/types';

const DIR = join(import.meta.dirname, '../fixtures/analysis');
const TYPES = ['person', 'place', 'organization'] as const;
type Typed = (typeof TYPES)[number];

interface Label {
  name: string;
  variants: string[];
}
interface Labels {
  /** "holdout": written after the heuristics were frozen and never used to tune them. */
  split?: 'holdout';
  standsFor: string;
  lang: string;
  people: Label[];
  places: Label[];
  organizations: Label[];
}
interface Fixture {
  id: string;
  lang: string;
  isHoldout: boolean;
  /** Second held-out batch (`holdout2-*`), written after the fixes that followed the first one. */
  isHoldout2: boolean;
  title: string;
  text: string;
  labels: Array<{ type: Typed; names: Set<string>; name: string }>;
}
/** A prediction to score: names (canonical + variants) and a type, or null for the untyped baseline. */
interface Prediction {
  names: string[];
  type: EntityType | null;
}

/** Case-, diacritics-, hyphen- and possessive-insensitive form of a name. */
export function normaliseName(name: string): string {
  return foldName(name)
    .replace(/['’]s$/u, '')
    .replace(/[-‐‑'’.]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function loadFixtures(): Fixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.txt$/, '');
      const raw = readFileSync(join(DIR, file), 'utf8');
      const [title, ...rest] = raw.split(/\n\s*\n/);
      const labels = JSON.parse(readFileSync(join(DIR, `${id}.labels.json`), 'utf8')) as Labels;
      const toLabels = (list: Label[], type: Typed) =>
        list.map((l) => ({ type, name: l.name, names: new Set([l.name, ...l.variants].map(normaliseName)) }));
      return {
        id,
        lang: labels.lang,
        isHoldout: labels.split === 'holdout',
        isHoldout2: labels.split === 'holdout' && id.startsWith('holdout2-'),
        title: title!.trim(),
        text: rest.join('\n\n'),
        labels: [
          ...toLabels(labels.people, 'person'),
          ...toLabels(labels.places, 'place'),
          ...toLabels(labels.organizations, 'organization'),
        ],
      };
    });
}

/** Baseline: every capitalised token run not at the start of a sentence is an entity (untyped). */
function baseline(title: string, text: string, lang: string): Prediction[] {
  const seen = new Map<string, string>();
  const sentences = [{ tokens: tokenize(title, lang) }, ...segmentText(text, lang)];
  for (const { tokens } of sentences) {
    let run: string[] = [];
    const flush = () => {
      if (run.length) seen.set(normaliseName(run.join(' ')), run.join(' '));
      run = [];
    };
    tokens.forEach((t, i) => {
      const isStart = i === 0 || /[“"«„‘'¿¡(:]\s*$/u.test(t.gap);
      if (/^\p{Lu}/u.test(t.text) && !isStart) {
        if (run.length && !/^\s+$/u.test(t.gap)) flush();
        run.push(t.text);
      } else flush();
    });
    flush();
  }
  return [...seen.values()].map((name) => ({ names: [name], type: null }));
}

interface Tally {
  predicted: number;
  correct: number;
  labels: number;
  found: number;
}
const emptyTally = (): Tally => ({ predicted: 0, correct: 0, labels: 0, found: 0 });

/** Adds one article's counts for one type (or all types when `type` is 'any'). */
function tally(t: Tally, labels: Fixture['labels'], predictions: Prediction[], type: Typed | 'any'): string[] {
  const matches = (p: Prediction, l: Fixture['labels'][number]) => p.names.some((n) => l.names.has(normaliseName(n)));
  const typeOk = (p: Prediction, l: Fixture['labels'][number]) => type === 'any' || p.type === null || p.type === l.type;
  const preds = type === 'any' ? predictions : predictions.filter((p) => p.type === type || p.type === null);
  const golds = type === 'any' ? labels : labels.filter((l) => l.type === type);
  const errors: string[] = [];
  const isUntyped = preds.some((p) => p.type === null);
  if (!isUntyped || type === 'any') {
    for (const p of preds) {
      t.predicted++;
      const pool = type === 'any' ? labels : golds;
      if (pool.some((l) => matches(p, l) && typeOk(p, l))) t.correct++;
      else errors.push(`  FP ${type}: ${p.names[0]}${p.type ? ` (${p.type})` : ''}`);
    }
  }
  for (const l of golds) {
    t.labels++;
    if (preds.some((p) => matches(p, l) && typeOk(p, l))) t.found++;
    else errors.push(`  FN ${type}: ${l.name}`);
  }
  return errors;
}

const fmt = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(2).padStart(5));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const fixtures = loadFixtures();
  const groups: Record<string, (f: Fixture) => boolean> = {
    'en dev': (f) => f.lang === 'en' && !f.isHoldout,
    'de/fr/es dev': (f) => f.lang !== 'en' && !f.isHoldout,
    'en held-out': (f) => f.lang === 'en' && f.isHoldout,
    'de/fr/es held-out': (f) => f.lang !== 'en' && f.isHoldout,
    'de/fr/es held-out 1': (f) => f.lang !== 'en' && f.isHoldout && !f.isHoldout2,
    'de/fr/es held-out 2': (f) => f.lang !== 'en' && f.isHoldout2,
    'en all': (f) => f.lang === 'en',
    'de/fr/es all': (f) => f.lang !== 'en',
  };
  const system = new Map<string, Tally>();
  const base = new Map<string, Tally>();
  const times: number[] = [];
  let splits = 0;
  let langOk = 0;
  const coverage = new Map<Typed, [number, number]>();
  for (const f of fixtures) {
    const analysis = analyseArticle({ title: f.title, text: f.text, lang: f.lang });
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      analyseArticle({ title: f.title, text: f.text, lang: f.lang });
      runs.push(performance.now() - t0);
    }
    times.push(median(runs));
    if (detectLanguage(`${f.title}\n\n${f.text}`) === f.lang) langOk++;
    const predictions: Prediction[] = analysis.entities.map((e: Entity) => ({ names: [e.name, ...e.variants], type: e.type }));
    const basePreds = baseline(f.title, f.text, f.lang);
    for (const l of f.labels) {
      const hits = analysis.entities.filter((e) => [e.name, ...e.variants].some((n) => l.names.has(normaliseName(n))));
      if (hits.length > 1) splits++;
      const c = coverage.get(l.type) ?? [0, 0];
      c[0] += l.names.size && [...l.names].some((n) => lookUpGazetteer(n)) ? 1 : 0;
      c[1]++;
      coverage.set(l.type, c);
    }
    const errors: string[] = [];
    for (const [group, isIn] of Object.entries(groups)) {
      if (!isIn(f)) continue;
      for (const type of [...TYPES, 'any'] as const) {
        const key = `${group}|${type}`;
        system.set(key, system.get(key) ?? emptyTally());
        base.set(key, base.get(key) ?? emptyTally());
        const found = tally(system.get(key)!, f.labels, predictions, type);
        if (type !== 'any' && group.endsWith('all')) errors.push(...found);
        tally(base.get(key)!, f.labels, basePreds, type);
      }
    }
    if (verbose) {
      console.log(`\n${f.id} [${f.lang}] ${analysis.entities.length} entities`);
      console.log(errors.join('\n'));
      console.log(`  key terms: ${analysis.keyTerms.join(' · ')}`);
      console.log(analysis.summary.map((s) => `  summary: ${s}`).join("\n"));
    }
  }
  const count = (p: (f: Fixture) => boolean) => fixtures.filter(p).length;
  console.log(`\nEntity benchmark: ${fixtures.length} labelled articles (${count((f) => f.lang === 'en')} English, ` +
    `${count((f) => f.lang !== 'en')} German/French/Spanish; ${count((f) => f.isHoldout)} of them held out), ` +
    `${fixtures.reduce((n, f) => n + f.labels.length, 0)} labelled entities`);
  console.log('dev: fixtures the heuristics were developed against; held-out: written afterwards, never tuned on.\n');
  console.log('group               type          | system P   R                    | baseline P   R');
  for (const group of Object.keys(groups)) {
    if (group.endsWith('all')) console.log('');
    for (const type of [...TYPES, 'any'] as const) {
      const s = system.get(`${group}|${type}`)!;
      const b = base.get(`${group}|${type}`)!;
      const bp = type === 'any' ? fmt(b.correct, b.predicted) : '  n/a';
      const runs = type === 'any' ? `  (${b.predicted} runs)` : '';
      console.log(`${group.padEnd(19)} ${type.padEnd(13)} | ${fmt(s.correct, s.predicted)} ${fmt(s.found, s.labels)}  (${String(s.predicted).padStart(3)} pred, ${String(s.labels).padStart(3)} gold) | ${bp} ${fmt(b.found, b.labels)}${runs}`);
    }
  }
  console.log('\nBaseline: every run of capitalised tokens not at a sentence start, untyped; its recall per type counts a');
  console.log('run matching a label of any type, its precision is only defined over all types ("any").');
  console.log(`Labels matched by more than one system entity (unmerged variants): ${splits}`);
  for (const [type, [inGaz, all]] of coverage) console.log(`Labels of type ${type} listed in the gazetteers: ${inGaz}/${all}`);
  console.log(`Language detection without the lang attribute: ${langOk}/${fixtures.length} correct`);
  console.log(`Analysis time per article: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (median of 15 runs each, after one warm-up)`);
}

main();
