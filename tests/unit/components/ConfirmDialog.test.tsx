// @vitest-environment happy-dom
// The confirmation before "Clear all" (popup and options history). Rendered with Preact's own `render`,
// not the testing library's (whose act() flushes every effect): what a keyboard user gets in the task
// that opens the dialog, before any paint.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '@/components/ConfirmDialog';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

function open() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(<ConfirmDialog title="Clear your whole history?" detail="Every article goes." confirmLabel="Clear history" onConfirm={onConfirm} onCancel={onCancel} />, root);
  const [cancel, confirm] = Array.from(root.querySelectorAll('button'));
  return { onConfirm, onCancel, cancel: cancel!, confirm: confirm! };
}

describe('ConfirmDialog', () => {
  it('has the focus on Cancel in the task that renders it, so Enter never confirms by accident', () => {
    const { cancel, confirm } = open();
    expect(root.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(document.activeElement).toBe(cancel);
    expect(confirm.textContent).toBe('Clear history');
  });

  it('takes a key pressed at once: Escape cancels, Tab stays between its two buttons', () => {
    const { cancel, confirm, onCancel, onConfirm } = open();
    const press = (key: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    press('Tab');
    expect(document.activeElement).toBe(confirm);
    press('Tab');
    expect(document.activeElement).toBe(cancel);
    press('Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
