import type { TimelineItem } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { capText, formatDay, safeHttpUrl } from './format';
import { Section } from './Section';
import './theme.css';
import './HistoryList.css';

export type HistoryReadEarlierProps = {
  /** The story's timeline; items the reader has read (other than this article) are listed. */
  items: TimelineItem[];
  locale?: string;
};

/** Most earlier reads listed. */
export const READ_EARLIER_MAX = 5;

/** "You read earlier": the reader's own earlier articles on this story, last read first, as a compact list. */
export function HistoryReadEarlier({ items, locale }: HistoryReadEarlierProps) {
  const read = items
    .filter((i): i is TimelineItem & { readAt: number } => i.kind !== 'this' && i.readAt !== undefined)
    .sort((a, b) => b.readAt - a.readAt)
    .slice(0, READ_EARLIER_MAX);
  if (!read.length) return null;
  return (
    <Section title={t('historyReadEarlier')}>
      <ul class="bs-history bs-history--compact" aria-label={t('historyReadEarlier')}>
        {read.map((item) => {
          const href = safeHttpUrl(item.url);
          const title = capText(item.title);
          return (
            <li key={item.url} class="bs-history__item">
              {href ? (
                <a class="bs-history__link" href={href} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                <span class="bs-history__link">{title}</span>
              )}
              <p class="bs-history__meta">
                {item.source && <span class="bs-history__outlet">{capText(item.source, 60)}</span>}
                <time dateTime={new Date(item.readAt).toISOString()}>{t('historyReadOn', formatDay(item.readAt, locale))}</time>
              </p>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
