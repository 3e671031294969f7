import type { Article } from '@/utils/article/types';
import { t } from '@/utils/i18n';
import { formatPublished, formatReadingTime, hostOf } from './format';
import './theme.css';
import './ArticleCard.css';

export type ArticleCardProps = {
  article: Article;
  /** Heading level of the title (default 2). */
  headingLevel?: 2 | 3;
  /** The browser's locale when omitted. */
  locale?: string;
  /** Show the excerpt (default true); hidden where a summary or the page itself already says it. */
  isExcerptShown?: boolean;
};

/** What this article is: outlet, title, byline, publication date, reading time, excerpt. Text only. */
export function ArticleCard({ article, headingLevel = 2, locale, isExcerptShown = true }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const outlet = article.siteName ?? hostOf(article.url);
  // The article's language applies to its own words, not to the UI strings around them.
  const lang = article.lang ?? undefined;
  const published = article.publishedAt === null ? null : formatPublished(article.publishedAt, locale);
  return (
    <article class="bs-card">
      {outlet && <p class="bs-card__outlet">{outlet}</p>}
      <Heading class="bs-card__title" lang={lang}>{article.title}</Heading>
      {article.byline && <p class="bs-card__byline">{t('articleByline', article.byline)}</p>}
      <p class="bs-card__meta">
        {published && article.publishedAt && <time dateTime={article.publishedAt}>{published}</time>}
        <span>{formatReadingTime(article.readingMinutes)}</span>
      </p>
      {isExcerptShown && article.excerpt && <p class="bs-card__excerpt" lang={lang}>{article.excerpt}</p>}
    </article>
  );
}
