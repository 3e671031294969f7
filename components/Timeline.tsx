import type { TimelineItem } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { capText, formatDay, formatPublished, safeHttpUrl } from './format';
import { Section } from './Section';
import './theme.css';
import './Timeline.css';

export type TimelineProps = {
  items: TimelineItem[];
  locale?: string;
};

const timeOf = (item: TimelineItem) => (item.publishedAt === null ? Number.NaN : Date.parse(item.publishedAt));

/** Oldest first; undated items last, in their given order. */
export function sortTimeline(items: TimelineItem[]): TimelineItem[] {
  return items
    .map((item, index) => ({ item, index, time: timeOf(item) }))
    .sort((a, b) => {
      const aKnown = !Number.isNaN(a.time);
      const bKnown = !Number.isNaN(b.time);
      if (aKnown !== bKnown) return aKnown ? -1 : 1;
      return (aKnown && a.time !== b.time ? a.time - b.time : 0) || a.index - b.index;
    })
    .map(({ item }) => item);
}

/** The story so far: earlier coverage by date, what the reader has read marked, this article highlighted. */
export function Timeline({ items, locale }: TimelineProps) {
  if (items.length < 2) return null;
  return (
    <Section title={t('sectionTimeline')}>
      <ol class="bs-timeline">
        {sortTimeline(items).map((item, index) => (
          <Row key={index} item={item} locale={locale} />
        ))}
      </ol>
    </Section>
  );
}

function Row({ item, locale }: { item: TimelineItem; locale?: string }) {
  const isThis = item.kind === 'this';
  const href = isThis ? null : safeHttpUrl(item.url);
  const title = capText(item.title);
  const date = item.publishedAt ? formatPublished(item.publishedAt, locale) : null;
  return (
    <li class={`bs-timeline__item bs-timeline__item--${item.kind}`} aria-current={isThis ? 'true' : undefined}>
      <p class="bs-timeline__when">
        {date && item.publishedAt ? <time dateTime={item.publishedAt}>{date}</time> : <span>{t('timelineDateUnknown')}</span>}
        {isThis && <span class="bs-timeline__mark bs-timeline__mark--this">{t('timelineThisArticle')}</span>}
        {item.readAt !== undefined && !isThis && (
          <span class="bs-timeline__mark">{t('historyReadOn', formatDay(item.readAt, locale))}</span>
        )}
      </p>
      {href ? (
        <a class="bs-timeline__title bs-link" href={href} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        <span class="bs-timeline__title">{title}</span>
      )}
      {item.source && <span class="bs-timeline__source">{capText(item.source, 60)}</span>}
    </li>
  );
}
