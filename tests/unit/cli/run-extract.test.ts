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

  it('rejects bad arguments with usage and exit code 2', async () => {
    expect(await runExtract([], io())).toBe(2);
    expect(await runExtract(['--url'], io())).toBe(2);
    expect(await runExtract(['--url', 'not-a-url', GERMAN], io())).toBe(2);
    expect(await runExtract(['--verbose', GERMAN], io())).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/usage/);
  });
});
