/**
 * Formatting shared by the popup and the sidebar. Pure: the locale is a parameter
 * (undefined = the browser's locale), so tests can pin it.
 */

/** "4 min read"; at least one minute. */
export function formatReadingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/** "2 visits" when there was more than one visit, else null (a single visit says nothing). */
export function formatVisits(count: number): string | null {
  return count > 1 ? `${count} visits` : null;
}

// A bare date ("2025-11-28") is a calendar day, not midnight UTC: format it in UTC so that
// readers west of Greenwich do not see the day before.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A publication date as the reader's locale writes it ("Nov 28, 2025"), or null when unparseable. */
export function formatPublished(iso: string, locale?: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: DATE_ONLY.test(iso) ? 'UTC' : undefined,
  });
  return format.format(time);
}

/** A moment (epoch ms) with date and time ("Nov 28, 2025, 4:05 PM"). */
export function formatMoment(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
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
