import { t } from '@/utils/i18n';
import { Section } from './Section';
import './theme.css';
import './Summary.css';

export type SummaryProps = {
  /** Up to three sentences from the article, in article order. */
  sentences: string[];
  /** The article's language, for the sentences (not the UI around them). */
  lang?: string;
};

/** "From the article": the local extractive summary. Nothing when there is no sentence. */
export function Summary({ sentences, lang }: SummaryProps) {
  if (sentences.length === 0) return null;
  return (
    <Section title={t('sectionFromArticle')}>
      <ul class="bs-summary" lang={lang}>
        {sentences.slice(0, 3).map((sentence, index) => (
          <li key={index} class="bs-summary__sentence">
            {sentence}
          </li>
        ))}
      </ul>
    </Section>
  );
}
