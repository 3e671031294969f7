import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { clearStorageWarning, getStorageWarning, watchStorageWarning, type StorageWarning as Warning } from '@/utils/storage-warning';
import './theme.css';
import './StorageWarning.css';

/**
 * "Storage is full" notice (popup and options page), shown while the background's storage warning
 * is set (`utils/storage-warning.ts`), until the reader dismisses it.
 */
export function StorageWarning() {
  const [warning, setWarning] = useState<Warning | null>(null);
  useEffect(() => {
    void getStorageWarning().then(setWarning, () => {});
    return watchStorageWarning(setWarning);
  }, []);
  if (!warning) return null;
  return (
    <div class="bs-storage-warning" role="alert">
      <p class="bs-storage-warning__message">{t(warning.kind === 'not-saved' ? 'storageWarningNotSaved' : 'storageWarningPruned')}</p>
      <button type="button" class="bs-storage-warning__dismiss" onClick={() => void clearStorageWarning().then(() => setWarning(null))}>
        {t('storageWarningDismiss')}
      </button>
    </div>
  );
}
