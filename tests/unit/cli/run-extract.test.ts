import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPageUrl, runExtract } from '@/tests/cli/run-extract';

const PAGES = join(__dirname, '../../fixtures/pages');
// The German regional paper (relative canonical link) and the front page (not an article).
const GERMAN = join(PAGES, 'german/source.html');
const FRONT = join(PAGES, 'front-page/source.html');
// An English local-news article from the fixture site.
const FLOOD = join(__dirname, '../../fixtures/site/news/harwick-flood-barrier-vote.html');

let dir: string;
let out: string[];
let err: string[];
const io = () => ({ out: (line: string) => out.push(line), err: (line: string) => err.push(line) });
const lines = () => out.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runExtract', () => {
  it('prints one JSON line per file with the extracted fields', async () => {
    const url = 'https://www.beispielbote.example/lokales/lindenau/x.html';
    expect(await runExtract(['--url', url, GERMAN, FRONT], io())).toBe(0);
    const [german, front] = lines();
    expect(german).toMatchObject({
      file: GERMAN,
      isArticle: true,
      title: 'Stadtwerke Lindenau erhöhen Fernwärmepreise um elf Prozent',
      byline: 'Anna Schmidt',
      siteName: 'Der Beispielbote',
      publishedAt: '2024-04-17T04:00:00.000Z',
      lang: 'de',
      // The relative canonical link resolves against --url.
      canonicalUrl: 'https://www.beispielbote.example/lokales/lindenau/fernwaerme-stadtwerke-erhoehen-preise-id4471230.html',
    });
    expect(german!.text).toEqual(expect.stringContaining('Härtefallfonds'));
    expect(german!.wordCount).toBeGreaterThan(150);
    expect(front).toMatchObject({ file: FRONT, isArticle: false, title: null, text: null, wordCount: 0 });
    expect(err).toEqual([]);
  });

  it('reads gzipped pages', async () => {
    const gz = join(dir, 'german.html.gz');
    writeFileSync(gz, gzipSync(readFileSync(GERMAN)));
    expect(await runExtract([gz], io())).toBe(0);
    expect(lines()[0]).toMatchObject({ file: gz, isArticle: true, byline: 'Anna Schmidt' });
  });

  it('reports unreadable files as { file, error }, continues, and exits non-zero', async () => {
    const missing = join(dir, 'missing.html');
    const brokenGz = join(dir, 'broken.html.gz');
    writeFileSync(brokenGz, 'not gzip at all');
    expect(await runExtract([missing, brokenGz, GERMAN], io())).toBe(1);
    const [first, second, third] = lines();
    expect(first).toEqual({ file: missing, error: expect.stringContaining('ENOENT') });
    expect(second).toEqual({ file: brokenGz, error: expect.any(String) });
    expect(third).toMatchObject({ file: GERMAN, isArticle: true });
    expect(err.join('\n')).toMatch(/2 of 3/);
  });

  it('uses the file URL as page URL by default', async () => {
    expect(await runExtract([GERMAN], io())).toBe(0);
    expect(defaultPageUrl(GERMAN)).toBe(`file://${GERMAN}`);
    // A relative canonical link cannot become an http(s) URL against file://, so the page URL stays.
    expect(lines()[0]!.canonicalUrl).toBe(`file://${GERMAN}`);
  });

  it('adds no analysis fields without --context', async () => {
    expect(await runExtract([FLOOD], io())).toBe(0);
    expect(Object.keys(lines()[0]!)).not.toContain('entities');
  });

  it('adds entities, key terms and a summary to articles with --context', async () => {
    expect(await runExtract(['--context', FLOOD, GERMAN], io())).toBe(0);
    const [flood, german] = lines();
    const entities = flood!.entities as Array<{ name: string; type: string; mentions: number }>;
    expect(entities).toEqual(
      expect.arrayContaining([
        { name: 'Priya Okafor', type: 'person', mentions: 2 },
        { name: 'River Ouse', type: 'place', mentions: 2 },
        expect.objectContaining({ name: 'Harwick Chamber of Commerce', type: 'organization' }),
      ]),
    );
    // A street, not a person.
    expect(entities.find((e) => e.name === 'Marsh Lane')?.type).toBe('place');
    // The town, not folded into "Harwick Chamber of Commerce".
    expect(entities.find((e) => e.name === 'Harwick')?.type).toBe('place');
    // Only name, type and mentions: the variants stay inside the extension.
    for (const e of entities) expect(Object.keys(e).sort()).toEqual(['mentions', 'name', 'type']);
    expect(flood!.keyTerms).toEqual(expect.arrayContaining(['barrier', 'flood']));
    expect(flood!.summary).toHaveLength(3);
    expect((flood!.summary as string[])[0]).toMatch(/tidal flood barrier on the River Ouse/);
    // The standfirst restates the lede: only one of the two is kept.
    expect((flood!.summary as string[]).filter((s) => /ending (a )?four[- ]years? (of )?argument/.test(s))).toHaveLength(1);
    // The extracted fields are still there.
    expect(flood).toMatchObject({ isArticle: true, byline: 'Elena Marsh' });
    expect(german!.entities).toEqual(
      expect.arrayContaining([
        { name: 'Udo Brenner', type: 'person', mentions: 1 },
        { name: 'Katrin Albers', type: 'person', mentions: 1 },
        expect.objectContaining({ name: 'Lindenau', type: 'place' }),
        expect.objectContaining({ name: 'Stadtwerke Lindenau', type: 'organization' }),
      ]),
    );
    // The first sentence is whole: "zum 1. Juli" does not end it.
    expect((german!.summary as string[])[0]).toMatch(/^Die Stadtwerke Lindenau erhöhen zum 1\. Juli/);
  });

  it('gives non-articles empty context lists with --context', async () => {
    expect(await runExtract(['--context', FRONT], io())).toBe(0);
    expect(lines()[0]).toMatchObject({ isArticle: false, entities: [], keyTerms: [], summary: [] });
  });

  it('rejects bad arguments with usage and exit code 2', async () => {
    expect(await runExtract([], io())).toBe(2);
    expect(await runExtract(['--url'], io())).toBe(2);
    expect(await runExtract(['--url', 'not-a-url', GERMAN], io())).toBe(2);
    expect(await runExtract(['--verbose', GERMAN], io())).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/usage/);
  });
});
