import { t } from '@/utils/i18n';
import './theme.css';
import './HistoryTools.css';

export type ToastProps = {
  message: string;
  tone?: 'neutral' | 'error';
  /** Shown as an "Undo" button when given. */
  onUndo?: () => void;
  onDismiss: () => void;
};

/** A short notice at the bottom of the panel, announced to screen readers, with an optional Undo. */
export function Toast({ message, tone = 'neutral', onUndo, onDismiss }: ToastProps) {
  return (
    <div class={`bs-toast bs-toast--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span class="bs-toast__message">{message}</span>
      {onUndo && (
        <button type="button" class="bs-toast__button" onClick={onUndo}>
          {t('toastUndo')}
        </button>
      )}
      <button type="button" class="bs-toast__button" aria-label={t('toastDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
