import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import './theme.css';
import './HistoryTools.css';

export type ConfirmDialogProps = {
  title: string;
  detail: string;
  /** Label of the confirming button, e.g. "Clear history". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal confirmation (role alertdialog). Focus starts on "Cancel" so that Enter never destroys
 * by accident; Escape cancels; Tab stays inside the two buttons.
 */
export function ConfirmDialog({ title, detail, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  // Before the dialog is painted, in the task that renders it: a key pressed at once already reaches
  // the dialog (after the paint, focus was still on the button that opened it).
  useLayoutEffect(() => cancel.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  };
  return (
    <div class="bs-dialog__backdrop">
      <div class="bs-dialog" role="alertdialog" aria-modal="true" aria-labelledby="bs-dialog-title" aria-describedby="bs-dialog-detail" onKeyDown={onKeyDown}>
        <h2 id="bs-dialog-title" class="bs-dialog__title">
          {title}
        </h2>
        <p id="bs-dialog-detail" class="bs-dialog__detail">
          {detail}
        </p>
        <div class="bs-dialog__actions">
          <button ref={cancel} type="button" class="bs-button" onClick={onCancel}>
            {t('dialogCancel')}
          </button>
          <button ref={confirm} type="button" class="bs-button bs-button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
