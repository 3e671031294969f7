import { useState } from 'preact/hooks';
import { t, tPlural } from '@/utils/i18n';
import { formatMoment } from './format';
import './Options.css';

/** One of the reader's feeds with its latest poll. */
export type FeedRow = {
  url: string;
  status: { state: 'ok' | 'error' | 'offline' | 'rate-limited'; items: number; at: number; message?: string } | null;
};

export type FeedListProps = {
  feeds: FeedRow[];
  /** Checks and adds a feed; resolves with an error to show, or null when added. */
  onAdd: (url: string) => Promise<string | null>;
  onRemove: (url: string) => void;
  locale?: string;
};

function feedLine(status: FeedRow['status'], locale?: string): string {
  if (!status) return t('feedNotFetched');
  const when = formatMoment(status.at, locale);
  if (status.state === 'ok') return tPlural(status.items, { one: 'feedItemsOne', other: 'feedItemsOther' }, [when]);
  const state = t(status.state === 'error' ? 'statusError' : status.state === 'offline' ? 'statusOffline' : 'statusRateLimited');
  return status.message ? t('feedStatusLineWithReason', [state, status.message, when]) : t('feedStatusLine', [state, when]);
}

/** The reader's feeds (address, item count, last fetch or error) and a form that checks a feed before adding it. */
export function FeedList({ feeds, onAdd, onRemove, locale }: FeedListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    setError(null);
    const problem = await onAdd(draft.trim()).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    setBusy(false);
    setError(problem);
    if (!problem) setDraft('');
  };

  return (
    <div>
      {feeds.length ? (
        <ul class="bs-options__list" aria-label={t('feedListLabel')}>
          {feeds.map((f) => (
            <li key={f.url} class="bs-options__row">
              <span>
                <span class="bs-options__name bs-options__url">{f.url}</span>
                <span class={`bs-options__detail${f.status && f.status.state !== 'ok' ? ' bs-options__error' : ''}`}>{feedLine(f.status, locale)}</span>
              </span>
              <button type="button" class="bs-options__button" aria-label={t('removeItem', f.url)} onClick={() => onRemove(f.url)}>
                {t('removeButton')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="bs-options__detail">{t('feedNone')}</p>
      )}
      <form class="bs-options__add" onSubmit={(e) => void submit(e)}>
        <label for="bs-feed-url">{t('feedAddressLabel')}</label>
        <input
          id="bs-feed-url"
          type="text"
          inputMode="url"
          placeholder="https://example.com/feed.xml"
          value={draft}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'bs-feed-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="bs-options__button" disabled={isBusy}>
          {isBusy ? t('feedChecking') : t('feedAdd')}
        </button>
        {error && (
          <p id="bs-feed-error" class="bs-options__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
