import { formatNumber, intlFormatter, t, uiLanguage } from '@/utils/i18n';

/**
 * Formatting shared by the popup and the sidebar. The locale is a parameter (undefined = the UI
 * language the browser chose for the extension's strings), so tests can pin it; words come from `t()`.
 */

/** "4 min read"; at least one minute. */
export function formatReadingTime(minutes: number): string {
  return t('formatReadingTime', formatNumber(Math.max(1, Math.round(minutes))));
}

/** "2 visits" when there was more than one visit, else null (a single visit says nothing). */
export function formatVisits(count: number): string | null {
  return count > 1 ? t('formatVisits', formatNumber(count)) : null;
}

// A bare date ("2025-11-28") is a calendar day, not midnight UTC: format it in UTC so that
// readers west of Greenwich do not see the day before.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A publication date as the reader's locale writes it ("Nov 28, 2025"), or null when unparseable. */
export function formatPublished(iso: string, locale?: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: DATE_ONLY.test(iso) ? 'UTC' : undefined }).format(time);
}

/** The date formatter for `options` in `locale` (default: the UI language), made once. */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const lang = locale ?? uiLanguage();
  return intlFormatter('date', lang, options, () => new Intl.DateTimeFormat(lang, options));
}

/** A moment (epoch ms) with date and time ("Nov 28, 2025, 4:05 PM"). */
export function formatMoment(epochMs: number, locale?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** The host name without `www.`, or null when `url` is not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** `url` when it is http(s), else null: pages from the history are untrusted and must not carry `javascript:` links. */
export function safeHttpUrl(url: string): string | null {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago an ISO time was, relative to `now`: "just now", "25 min ago", "3 h ago", "2 days ago";
 * older than a week (or in the future by more than a minute) the date itself. Null when unparseable.
 */
export function formatRelative(iso: string, now: number, locale?: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const age = now - time;
  if (age < -MINUTE || age >= 7 * DAY) return formatPublished(iso, locale);
  if (age < MINUTE) return t('formatJustNow');
  if (age < HOUR) return t('formatMinutesAgo', formatNumber(Math.floor(age / MINUTE)));
  if (age < DAY) return t('formatHoursAgo', formatNumber(Math.floor(age / HOUR)));
  const days = Math.floor(age / DAY);
  return days === 1 ? t('formatYesterday') : t('formatDaysAgo', formatNumber(days));
}

/** A day without the year, the way a reader says it ("3 Jun" in en-GB, "Jun 3" in en-US). */
export function formatDay(epochMs: number, locale?: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'short' }).format(epochMs);
}

/** Longest untrusted text shown in one line or title; longer text ends in "…". */
export const MAX_SHOWN_LENGTH = 300;

/** `text` cut to at most `max` UTF-16 units, ending in an ellipsis, never inside a surrogate pair: provider text can be any length. */
export function capText(text: string, max = MAX_SHOWN_LENGTH): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** A country's or language's name in the UI locale ("GB" → "United Kingdom", "de" → "German"); the code when unknown. */
export function displayName(code: string, type: 'region' | 'language', locale?: string): string {
  try {
    const lang = locale ?? uiLanguage();
    return intlFormatter('names', lang, { type }, () => new Intl.DisplayNames([lang], { type })).of(code) ?? code;
  } catch {
    return code;
  }
}
