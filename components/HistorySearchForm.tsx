import { t, type MessageKey } from '@/utils/i18n';
import './theme.css';
import './HistoryTools.css';

/** How far back the "Read" filter goes. */
export type HistoryPeriod = 'any' | 'day' | 'week' | 'month' | 'year';

/** What the reader searches for. */
export type HistoryFilters = { query: string; site: string; period: HistoryPeriod; entity: string };

export type HistorySearchFormProps = {
  value: HistoryFilters;
  /** Sites to offer in the site filter. */
  sites: string[];
  onChange: (next: HistoryFilters) => void;
};

const PERIODS: Array<[HistoryPeriod, MessageKey]> = [
  ['any', 'historyPeriodAny'],
  ['day', 'historyPeriodDay'],
  ['week', 'historyPeriodWeek'],
  ['month', 'historyPeriodMonth'],
  ['year', 'historyPeriodYear'],
];

/** Search field (results as you type) and filters by site, reading time and name. */
export function HistorySearchForm({ value, sites, onChange }: HistorySearchFormProps) {
  const set = (change: Partial<HistoryFilters>) => onChange({ ...value, ...change });
  return (
    <form class="bs-hsearch" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="bs-hsearch__label" for="bs-hsearch-q">
        {t('historySearchLabel')}
      </label>
      <input
        id="bs-hsearch-q"
        class="bs-input"
        type="search"
        placeholder={t('historySearchPlaceholder')}
        autocomplete="off"
        value={value.query}
        onInput={(e) => set({ query: e.currentTarget.value })}
      />
      <div class="bs-hsearch__filters">
        <label>
          <span class="bs-visually-hidden">{t('historyFilterSite')}</span>
          <select class="bs-input" value={value.site} onChange={(e) => set({ site: e.currentTarget.value })}>
            <option value="">{t('historyAllSites')}</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="bs-visually-hidden">{t('historyFilterPeriod')}</span>
          <select class="bs-input" value={value.period} onChange={(e) => set({ period: e.currentTarget.value as HistoryPeriod })}>
            {PERIODS.map(([id, label]) => (
              <option key={id} value={id}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="bs-visually-hidden">{t('historyFilterEntity')}</span>
          <input
            class="bs-input"
            type="text"
            placeholder={t('historyFilterEntityPlaceholder')}
            value={value.entity}
            onInput={(e) => set({ entity: e.currentTarget.value })}
          />
        </label>
      </div>
    </form>
  );
}
