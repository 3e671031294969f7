import { useId, useState } from 'preact/hooks';
import type { Entity, EntityType } from '@/utils/analysis/types';
import type { Explainer } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { ExplainerCard } from './ExplainerCard';
import { capText } from './format';
import './theme.css';
import './EntityChips.css';

export type EntityChipsProps = {
  /** Most salient first. */
  entities: Pick<Entity, 'name' | 'type'>[];
  /** Explainers known so far, matched to entities by `name`. */
  explainers: Explainer[];
  /** Most chips shown per kind. */
  maxPerType?: number;
  /** No more explainers will arrive (the context is final). */
  isFinal?: boolean;
  /** The article's language: the Wikipedia edition for names that were not looked up. */
  lang?: string;
};

const GROUPS: { type: EntityType; label: () => string }[] = [
  { type: 'person', label: () => t('entityPeople') },
  { type: 'place', label: () => t('entityPlaces') },
  { type: 'organization', label: () => t('entityOrganisations') },
];

/**
 * The people, places and organisations the article names, as toggle buttons grouped by kind.
 * Activating one opens its explainer card below the chips; activating it again (or another) closes it.
 */
export function EntityChips({ entities, explainers, maxPerType = 6, isFinal = false, lang }: EntityChipsProps) {
  const [open, setOpen] = useState<string | null>(null);
  const cardId = useId();
  const groups = GROUPS.map((group) => ({
    ...group,
    names: entities.filter((e) => e.type === group.type).slice(0, maxPerType).map((e) => e.name),
  })).filter((group) => group.names.length > 0);
  if (groups.length === 0) return null;
  const isOpenShown = open !== null && groups.some((g) => g.names.includes(open));

  return (
    <div class="bs-entities">
      {groups.map((group) => (
        <ul key={group.type} class="bs-entities__group" aria-label={group.label()}>
          {group.names.map((name) => (
            <li key={name}>
              <button
                type="button"
                class={`bs-chip bs-chip--${group.type}`}
                aria-expanded={open === name ? 'true' : 'false'}
                aria-controls={open === name ? cardId : undefined}
                onClick={() => setOpen(open === name ? null : name)}
              >
                {capText(name, 60)}
              </button>
            </li>
          ))}
        </ul>
      ))}
      {isOpenShown && (
        <ExplainerCard id={cardId} name={open} explainer={explainers.find((e) => e.name === open)} isLookupOver={isFinal} lang={lang} />
      )}
    </div>
  );
}
