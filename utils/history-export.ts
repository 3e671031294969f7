/**
 * Export and import of the reading history: the JSON file (with a format/version header), a CSV
 * for spreadsheets, the validation of an imported file, and the merge of two records of one article.
 * Pure: `utils/db.ts` reads and writes, this module only converts.
 */
import type { ExportedArticle, HistoryEntry, HistoryExport } from './history-types';
import { MAX_TERM_LENGTH, MAX_TERMS, siteOf } from './history-terms';
import { isRecord } from './is-record';

/** The `format` field of an export file. */
export const EXPORT_FORMAT = 'backstory-history';
/** The current export version; files of a newer version are refused. */
export const EXPORT_VERSION = 1;
/** Largest import file, in characters. */
export const MAX_IMPORT_CHARS = 50_000_000;
/** Most articles one import may hold. */
export const MAX_IMPORT_ARTICLES = 100_000;
/** Most visits kept per article (as in the database). */
const MAX_VISITS = 1_000;
const MAX_FIELD = 4_000;
const MAX_URL = 8_000;

/** The export file of these records. */
export function toExportJson(articles: readonly ExportedArticle[], exportedAt: number): string {
  const file: HistoryExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, articles: [...articles] };
  return JSON.stringify(file, null, 1);
}

const CSV_COLUMNS = ['title', 'outlet', 'site', 'url', 'canonicalUrl', 'byline', 'publishedAt', 'lang', 'lastVisitedAt', 'visits'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. A cell
 * that a spreadsheet would run as a formula (starting with = + - @, or a tab/CR) gets a leading `'`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The history as CSV: a header row, one row per article, visit times as ISO dates separated by spaces; CRLF line ends. */
export function toCsv(articles: readonly HistoryEntry[]): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = articles.map((a) =>
    [
      a.title,
      a.siteName ?? '',
      a.site,
      a.url,
      a.canonicalUrl,
      a.byline ?? '',
      a.publishedAt ?? '',
      a.lang ?? '',
      iso(a.lastVisitedAt),
      a.visits.map(iso).join(' '),
    ].map(csvCell),
  );
  return [[...CSV_COLUMNS], ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Both records of one article merged: every visit once, oldest first (the latest kept), metadata of the newest visit. */
export function mergeEntries(a: HistoryEntry, b: HistoryEntry): HistoryEntry {
  const visits = [...new Set([...a.visits, ...b.visits])].sort((x, y) => x - y).slice(-MAX_VISITS);
  const newest = b.lastVisitedAt > a.lastVisitedAt ? b : a;
  return { ...newest, visits, lastVisitedAt: visits[visits.length - 1]! };
}

class ImportError extends Error {}

/**
 * Parses and checks a whole export file before anything is written. Returns the articles (one per
 * canonical URL, duplicates merged) or a message saying what is wrong and where.
 */
export function parseHistoryExport(json: string): { ok: true; articles: ExportedArticle[] } | { ok: false; error: string } {
  if (json.length > MAX_IMPORT_CHARS) return { ok: false, error: `The file is too large (over ${MAX_IMPORT_CHARS / 1_000_000} MB).` };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The file is not valid JSON.' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT)
    return { ok: false, error: 'This is not a Backstory history export (its "format" is missing or different).' };
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1 || data.version > EXPORT_VERSION)
    return { ok: false, error: `Unsupported export version: ${String(data.version).slice(0, 20)}.` };
  if (!Array.isArray(data.articles)) return { ok: false, error: 'The file has no list of articles.' };
  if (data.articles.length > MAX_IMPORT_ARTICLES) return { ok: false, error: `The file has more than ${MAX_IMPORT_ARTICLES} articles.` };
  const byUrl = new Map<string, ExportedArticle>();
  try {
    data.articles.forEach((raw: unknown, i: number) => {
      const article = checkArticle(raw, i + 1);
      const known = byUrl.get(article.canonicalUrl);
      byUrl.set(article.canonicalUrl, known ? { ...mergeEntries(known, article), terms: [...new Set([...known.terms, ...article.terms])] } : article);
    });
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.message };
    throw error;
  }
  return { ok: true, articles: [...byUrl.values()] };
}

function checkArticle(raw: unknown, n: number): ExportedArticle {
  const fail = (what: string): never => {
    throw new ImportError(`Article ${n}: ${what}.`);
  };
  if (!isRecord(raw)) return fail('not an object');
  const str = (field: string, max = MAX_FIELD): string => {
    const v = raw[field];
    if (typeof v !== 'string') return fail(`"${field}" must be text`);
    if (v.length > max) return fail(`"${field}" is too long`);
    return v;
  };
  const strOrNull = (field: string, max?: number): string | null => (raw[field] === null || raw[field] === undefined ? null : str(field, max));
  const url = (field: string): string => {
    const v = str(field, MAX_URL);
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      return fail(`"${field}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`"${field}" must be an http(s) URL`);
    return v;
  };
  const whole = (field: string): number => {
    const v = raw[field] ?? 0;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return fail(`"${field}" must be a whole number`);
    return v;
  };
  const canonicalUrl = url('canonicalUrl');
  const visitsRaw = raw.visits;
  if (!Array.isArray(visitsRaw) || visitsRaw.length === 0) return fail('"visits" must be a non-empty list of times');
  if (visitsRaw.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 8.64e15))
    return fail('"visits" must hold times in milliseconds');
  const visits = [...new Set(visitsRaw as number[])].sort((a, b) => a - b).slice(-MAX_VISITS);
  const termsRaw = raw.terms ?? [];
  if (!Array.isArray(termsRaw) || termsRaw.some((t) => typeof t !== 'string' || t.length > MAX_TERM_LENGTH + 200))
    return fail('"terms" must be a list of words');
  const publishedAt = strOrNull('publishedAt', 64);
  if (publishedAt !== null && Number.isNaN(Date.parse(publishedAt))) fail('"publishedAt" must be a date');
  return {
    canonicalUrl,
    url: url('url'),
    title: str('title'),
    byline: strOrNull('byline'),
    siteName: strOrNull('siteName'),
    publishedAt,
    lang: strOrNull('lang', 35),
    excerpt: raw.excerpt === undefined ? '' : str('excerpt'),
    wordCount: whole('wordCount'),
    readingMinutes: whole('readingMinutes'),
    visits,
    lastVisitedAt: visits[visits.length - 1]!,
    site: siteOf(canonicalUrl),
    // Terms are re-checked when stored (words and filter keys only), and capped.
    terms: (termsRaw as string[]).slice(0, MAX_TERMS * 2),
  };
}
