// @vitest-environment happy-dom
// The "Storage is full" notice the popup and options page show after a quota failure (utils/db.ts writes it).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageWarning } from '@/components/StorageWarning';
import { getStorageWarning, recordStorageWarning } from '@/utils/storage-warning';

afterEach(cleanup);

describe('StorageWarning', () => {
  it('shows nothing while storage is fine', async () => {
    const { container } = render(<StorageWarning />);
    await new Promise((done) => setTimeout(done, 20));
    expect(container.textContent).toBe('');
  });

  it('tells the reader caches were pruned, and goes away when dismissed', async () => {
    await recordStorageWarning('pruned', 1000);
    render(<StorageWarning />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Storage is full: older cached results were removed');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await getStorageWarning()).toBeNull();
  });

  it('says a visit was not saved, and appears when the background records it later', async () => {
    render(<StorageWarning />);
    await recordStorageWarning('not-saved', 2000);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be saved to the history');
    // A later "pruned" does not hide that something was lost.
    await recordStorageWarning('pruned', 3000);
    expect(await getStorageWarning()).toEqual({ kind: 'not-saved', at: 3000 });
  });

  it('keeps not-saved when a pruned warning is recorded at the same moment (a lookup and a visit failing together)', async () => {
    await Promise.all([recordStorageWarning('not-saved', 4000), recordStorageWarning('pruned', 4001)]);
    expect(await getStorageWarning()).toEqual({ kind: 'not-saved', at: 4001 });
  });
});
