import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import './Options.css';

export type SiteListProps = {
  /** Accessible name of the list and the prefix of its controls ("Excluded sites"). */
  label: string;
  sites: string[];
  /** Adds a site; resolves with an error to show (e.g. "not a site name") or null when added. */
  onAdd: (site: string) => Promise<string | null> | string | null;
  onRemove: (site: string) => void;
  /** Shown when the list is empty. */
  emptyText: string;
  /** Label of the add field ("Hide the sidebar on a site"). */
  addLabel: string;
};

/** A list of host names with a remove button each and a small form to add one. */
export function SiteList({ label, sites, onAdd, onRemove, emptyText, addLabel }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = `bs-site-${label.toLowerCase().replace(/\W+/g, '-')}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = await onAdd(draft);
    setError(problem);
    if (!problem) setDraft('');
  };

  return (
    <div class="bs-options__sites">
      {sites.length ? (
        <ul class="bs-options__list" aria-label={label}>
          {sites.map((site) => (
            <li key={site} class="bs-options__row">
              <span class="bs-options__name">{site}</span>
              <button type="button" class="bs-options__button" aria-label={t('removeItem', site)} onClick={() => onRemove(site)}>
                {t('removeButton')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="bs-options__detail">{emptyText}</p>
      )}
      <form class="bs-options__add" onSubmit={(e) => void submit(e)}>
        <label for={inputId}>{addLabel}</label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          placeholder="example.com"
          value={draft}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="bs-options__button">
          {t('siteAdd')}
        </button>
        {error && (
          <p id={`${inputId}-error`} class="bs-options__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
