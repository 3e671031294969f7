import { t, type MessageKey } from '@/utils/i18n';
import { formatMoment } from './format';
import './Options.css';

/** One switchable source with its latest answer. */
export type SourceRow = {
  id: string;
  name: string;
  /** What it is and what it receives, one line. */
  detail: string;
  isOn: boolean;
  /** Latest final answer, or null when it never answered. */
  status: { state: 'ok' | 'empty' | 'rate-limited' | 'offline' | 'error'; at: number; message?: string } | null;
};

export type SourceSwitchesProps = {
  sources: SourceRow[];
  onToggle: (id: string, isOn: boolean) => void;
  locale?: string;
};

const STATE_LABEL: Record<NonNullable<SourceRow['status']>['state'], MessageKey> = {
  ok: 'sourceStateOk',
  empty: 'sourceStateEmpty',
  'rate-limited': 'sourceStateRateLimited',
  offline: 'sourceStateOffline',
  error: 'sourceStateError',
};

/** Checkboxes for the sources, each with its last status ("Last: rate-limited · Nov 28, 2:04 PM"). */
export function SourceSwitches({ sources, onToggle, locale }: SourceSwitchesProps) {
  return (
    <ul class="bs-options__list" aria-label="Sources">
      {sources.map((s) => {
        const statusId = `bs-source-status-${s.id}`;
        return (
          <li key={s.id} class="bs-options__row">
            <label class="bs-options__check">
              <input
                type="checkbox"
                checked={s.isOn}
                aria-describedby={statusId}
                onChange={(e) => onToggle(s.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>
                <span class="bs-options__name">{s.name}</span>
                <span class="bs-options__detail">{s.detail}</span>
              </span>
            </label>
            <span id={statusId} class={`bs-options__status bs-options__status--${s.status?.state ?? 'none'}`}>
              {s.status ? (
                <>
                  {s.status.message ? t('sourceLastWithReason', [t(STATE_LABEL[s.status.state]), s.status.message]) : t('sourceLast', t(STATE_LABEL[s.status.state]))}
                  {' · '}
                  <time dateTime={new Date(s.status.at).toISOString()}>{formatMoment(s.status.at, locale)}</time>
                </>
              ) : (
                t('sourceNotUsed')
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
