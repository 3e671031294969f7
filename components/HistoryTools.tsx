import { t, tPlural } from '@/utils/i18n';
import './theme.css';
import './HistoryTools.css';

export type HistoryToolsProps = {
  /** null while the setting loads. */
  isPaused: boolean | null;
  /** Days history is kept, or null for "until you delete it"; undefined when unknown. */
  retentionDays?: number | null;
  onPausedChange: (paused: boolean) => void;
  onExport: (format: 'json' | 'csv') => void;
  onImport: (file: File) => void;
  onClear: () => void;
};

/** Managing the history: pause recording, retention, export, import, clear all. */
export function HistoryTools({ isPaused, retentionDays, onPausedChange, onExport, onImport, onClear }: HistoryToolsProps) {
  return (
    <div class="bs-htools">
      <label class="bs-htools__pause">
        <input type="checkbox" checked={isPaused === true} disabled={isPaused === null} onChange={(e) => onPausedChange(e.currentTarget.checked)} />
        {t('historyPause')}
      </label>
      {retentionDays !== undefined && (
        <span class="bs-htools__retention">{retentionDays === null ? t('historyKeptForever') : tPlural(retentionDays, { one: 'historyKeptDaysOne', other: 'historyKeptDaysOther' })}</span>
      )}
      <div class="bs-htools__actions">
        <button type="button" class="bs-button" onClick={() => onExport('json')}>
          {t('historyExportJson')}
        </button>
        <button type="button" class="bs-button" onClick={() => onExport('csv')}>
          {t('historyExportCsv')}
        </button>
        <label class="bs-button bs-htools__import">
          {t('historyImportJson')}
          <input
            class="bs-visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
        <button type="button" class="bs-button bs-button--danger" onClick={onClear}>
          {t('historyClearAll')}
        </button>
      </div>
    </div>
  );
}
