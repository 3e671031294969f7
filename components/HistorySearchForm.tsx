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

const PERIODS: Array<[HistoryPeriod, string]> = [
  ['any', 'Any time'],
  ['day', 'Past day'],
  ['week', 'Past week'],
  ['month', 'Past month'],
  ['year', 'Past year'],
];

/** Search field (results as you type) and filters by site, reading time and name. */
export function HistorySearchForm({ value, sites, onChange }: HistorySearchFormProps) {
  const set = (change: Partial<HistoryFilters>) => onChange({ ...value, ...change });
  return (
    <form class="bs-hsearch" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="bs-hsearch__label" for="bs-hsearch-q">
        Search your history
      </label>
      <input
        id="bs-hsearch-q"
        class="bs-input"
        type="search"
        placeholder="Words from the title or text, an outlet, a name"
        autocomplete="off"
        value={value.query}
        onInput={(e) => set({ query: e.currentTarget.value })}
      />
      <div class="bs-hsearch__filters">
        <label>
          <span class="bs-visually-hidden">Site</span>
          <select class="bs-input" value={value.site} onChange={(e) => set({ site: e.currentTarget.value })}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="bs-visually-hidden">Read</span>
          <select class="bs-input" value={value.period} onChange={(e) => set({ period: e.currentTarget.value as HistoryPeriod })}>
            {PERIODS.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="bs-visually-hidden">Person, place or organisation</span>
          <input
            class="bs-input"
            type="text"
            placeholder="A name"
            value={value.entity}
            onInput={(e) => set({ entity: e.currentTarget.value })}
          />
        </label>
      </div>
    </form>
  );
}
