import type { SourceInfo } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { ExplainerCard } from './ExplainerCard';
import { capText, displayName } from './format';
import { Section } from './Section';
import './theme.css';
import './SourceCard.css';

export type SourceCardProps = {
  source: SourceInfo;
  locale?: string;
};

/** The outlet: its name, domain, country and language, and what Wikipedia says about it when it knows it. */
export function SourceCard({ source, locale }: SourceCardProps) {
  const facts = [
    source.domain,
    source.country ? displayName(source.country, 'region', locale) : null,
    source.lang ? displayName(source.lang, 'language', locale) : null,
  ].filter((fact): fact is string => Boolean(fact));
  const explainer = source.explainer;
  // "Not found" about an outlet says nothing worth a card.
  const isExplained = explainer !== undefined && explainer.state !== 'not-found';
  return (
    <Section title={t('sectionSource')}>
      <div class="bs-source">
        <p class="bs-source__name">{capText(source.name || source.domain, 80)}</p>
        {facts.length > 0 && <p class="bs-source__facts">{facts.map((fact) => capText(fact, 60)).join(' · ')}</p>}
        {isExplained && <ExplainerCard name={source.name} explainer={explainer} />}
      </div>
    </Section>
  );
}
