import type { Explainer } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { capText, safeHttpUrl } from './format';

export type ExplainerChoicesProps = {
  name: string;
  /** An `ambiguous` explainer: its `choices` are the candidate pages. */
  explainer: Explainer;
};

/** "X may refer to:" and the candidate pages, each a link (http(s) only) with its short description. */
export function ExplainerChoices({ name, explainer }: ExplainerChoicesProps) {
  const choices = (explainer.choices ?? []).slice(0, 6);
  return (
    <>
      <p class="bs-explainer__note">{t('explainerMayReferTo', name)}</p>
      <ul class="bs-explainer__choices" lang={explainer.lang}>
        {choices.map((choice, index) => {
          const href = safeHttpUrl(choice.url);
          const title = capText(choice.title, 120);
          return (
            <li key={index}>
              {href ? (
                <a class="bs-link bs-explainer__choice" href={href} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                <span class="bs-explainer__choice">{title}</span>
              )}
              {choice.description && <span class="bs-explainer__choice-note"> — {capText(choice.description, 120)}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
