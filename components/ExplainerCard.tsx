import type { Explainer } from '@/utils/context/types';
import { capText, safeHttpUrl } from './format';
import { Skeleton } from './Skeleton';
import './theme.css';
import './ExplainerCard.css';

export type ExplainerCardProps = {
  /** The entity or outlet name as the article writes it. */
  name: string;
  /** Undefined while the background has not started looking it up: shown as pending. */
  explainer: Explainer | undefined;
  id?: string;
};

const EXTRACT_LENGTH = 600;

/**
 * A Wikipedia summary of one name: title, description, extract, thumbnail and a link; or why there is none
 * (looking up, not found, error), or the pages it "may refer to". All provider text is rendered as text;
 * the thumbnail and links appear only for http(s) URLs.
 */
export function ExplainerCard({ name, explainer, id }: ExplainerCardProps) {
  const state = explainer?.state ?? 'pending';
  return (
    <div class={`bs-explainer bs-explainer--${state}`} id={id} role="group" aria-label={`About ${capText(name, 80)}`}>
      {state === 'pending' && (
        <>
          <p class="bs-explainer__note">Looking up {name} on Wikipedia…</p>
          <Skeleton lines={3} />
        </>
      )}
      {state === 'not-found' && <p class="bs-explainer__note">No Wikipedia article found for {name}.</p>}
      {state === 'error' && (
        <p class="bs-explainer__note bs-explainer__note--error">
          Couldn't load the Wikipedia article for {name}
          {explainer?.message ? ` (${capText(explainer.message, 120)})` : ''}.
        </p>
      )}
      {state === 'ambiguous' && explainer && <Choices name={name} explainer={explainer} />}
      {state === 'ok' && explainer && <Summary explainer={explainer} />}
    </div>
  );
}

function Summary({ explainer }: { explainer: Explainer }) {
  const thumbnail = explainer.thumbnailUrl ? safeHttpUrl(explainer.thumbnailUrl) : null;
  const href = explainer.url ? safeHttpUrl(explainer.url) : null;
  const lang = explainer.lang;
  return (
    <>
      <div class="bs-explainer__head">
        {thumbnail && <img class="bs-explainer__thumb" src={thumbnail} alt="" width={56} height={56} loading="lazy" referrerpolicy="no-referrer" />}
        <div>
          <h4 class="bs-explainer__title" lang={lang}>{capText(explainer.title ?? explainer.name, 120)}</h4>
          {explainer.description && <p class="bs-explainer__description" lang={lang}>{capText(explainer.description, 160)}</p>}
        </div>
      </div>
      {explainer.extract && <p class="bs-explainer__extract" lang={lang}>{capText(explainer.extract, EXTRACT_LENGTH)}</p>}
      {href && (
        <a class="bs-explainer__more bs-link" href={href} target="_blank" rel="noopener noreferrer">
          Read on Wikipedia
        </a>
      )}
    </>
  );
}

function Choices({ name, explainer }: { name: string; explainer: Explainer }) {
  const choices = (explainer.choices ?? []).slice(0, 6);
  return (
    <>
      <p class="bs-explainer__note">{name} may refer to:</p>
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
