import type { Explainer } from '@/utils/context/types';
import { t } from '@/utils/i18n';
import { capText, safeHttpUrl } from './format';
import { ExplainerChoices } from './ExplainerChoices';
import { Skeleton } from './Skeleton';
import './theme.css';
import './ExplainerCard.css';

export type ExplainerCardProps = {
  /** The entity or outlet name as the article writes it. */
  name: string;
  /** Undefined while the background has not started looking it up: shown as pending. */
  explainer: Explainer | undefined;
  /** No more answers will come: a name without an explainer by now was not looked up (only the main names are). */
  isLookupOver?: boolean;
  /** Wikipedia edition for the search link offered then, e.g. "de". */
  lang?: string;
  id?: string;
};

const EXTRACT_LENGTH = 600;

/**
 * A Wikipedia summary of one name: title, description, extract, thumbnail and a link; or why there is none
 * (looking up, not found, error), or the pages it "may refer to". All provider text is rendered as text;
 * the thumbnail and links appear only for http(s) URLs.
 */
export function ExplainerCard({ name, explainer, isLookupOver = false, lang = 'en', id }: ExplainerCardProps) {
  const state = explainer?.state ?? (isLookupOver ? 'not-asked' : 'pending');
  return (
    <div class={`bs-explainer bs-explainer--${state}`} id={id} role="group" aria-label={t('explainerAbout', capText(name, 80))}>
      {state === 'not-asked' && <NotAsked name={name} lang={lang} />}
      {state === 'pending' && (
        <>
          <p class="bs-explainer__note">{t('explainerLookingUp', name)}</p>
          <Skeleton lines={3} />
        </>
      )}
      {state === 'not-found' && <p class="bs-explainer__note">{t('explainerNotFound', name)}</p>}
      {state === 'error' && (
        <p class="bs-explainer__note bs-explainer__note--error">
          {explainer?.message ? t('explainerErrorWithReason', [name, capText(explainer.message, 120)]) : t('explainerError', name)}
        </p>
      )}
      {state === 'ambiguous' && explainer && <ExplainerChoices name={name} explainer={explainer} />}
      {state === 'ok' && explainer && <Summary explainer={explainer} />}
    </div>
  );
}

/** Only the main names are looked up automatically; for the others the reader may search (a request they choose). */
function NotAsked({ name, lang }: { name: string; lang: string }) {
  const edition = /^[a-z]{2,3}$/.test(lang) ? lang : 'en';
  const href = `https://${edition}.wikipedia.org/w/index.php?${new URLSearchParams({ search: name.slice(0, 100) })}`;
  return (
    <>
      <p class="bs-explainer__note">{t('explainerMainNamesOnly')}</p>
      <a class="bs-explainer__more bs-link" href={href} target="_blank" rel="noopener noreferrer">
        {t('explainerSearchWikipedia', name)}
      </a>
    </>
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
          {t('explainerReadOnWikipedia')}
        </a>
      )}
    </>
  );
}
