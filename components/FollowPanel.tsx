import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NOTIFICATIONS_PERMISSION, type FollowedStoryView } from '@/utils/follow/types';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { FollowList } from './FollowList';
import { StatusMessage } from './StatusMessage';
import './theme.css';
import './Follow.css';

/** The reader's answer to "may Backstory notify you?": the optional permission, asked from a click. */
export interface NotifyPermission {
  has(): Promise<boolean>;
  request(): Promise<boolean>;
  remove(): Promise<boolean>;
}

// Async so that an API that throws (no permissions API here) rejects instead.
const browserPermission: NotifyPermission = {
  has: async () => browser.permissions.contains(NOTIFICATIONS_PERMISSION),
  // Called straight from the click (an async function runs synchronously up to its first await):
  // browsers grant optional permissions only on a user gesture.
  request: async () => browser.permissions.request(NOTIFICATIONS_PERMISSION),
  remove: async () => browser.permissions.remove(NOTIFICATIONS_PERMISSION),
};

export type FollowPanelProps = {
  /** The panel is shown: the list is (re)loaded and its new items count as seen. */
  active: boolean;
  send?: typeof sendMessage;
  permission?: NotifyPermission;
  now?: () => number;
};

type ListState = { status: 'loading' } | { status: 'ready'; stories: FollowedStoryView[] } | { status: 'error' };

/** "Following": the followed stories with their new coverage, "Check now", and the notification switch. */
export function FollowPanel({ active, send = sendMessage, permission = browserPermission, now = Date.now }: FollowPanelProps) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [notify, setNotify] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isChecking, setIsChecking] = useState(false);

  useEffect(() => {
    if (!active) return;
    let isStopped = false;
    send('listFollows', { markSeen: true }).then(
      (stories) => !isStopped && setList({ status: 'ready', stories }),
      () => !isStopped && setList({ status: 'error' }),
    );
    return () => {
      isStopped = true;
    };
  }, [active, version, send]);

  useEffect(() => {
    void permission.has().then(setNotify, () => setNotify(false));
  }, [permission]);

  const unfollow = async (story: FollowedStoryView) => {
    setBusyIds((ids) => new Set([...ids, story.id]));
    try {
      await send('unfollowStory', { id: story.id });
      setList((state) => (state.status === 'ready' ? { status: 'ready', stories: state.stories.filter((s) => s.id !== story.id) } : state));
    } catch (error) {
      setMessage(t('followError', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusyIds((ids) => new Set([...ids].filter((id) => id !== story.id)));
    }
  };

  const checkNow = async () => {
    setIsChecking(true);
    setMessage(null);
    try {
      const { newItems } = await send('checkFollowsNow', {});
      setMessage(newItems > 0 ? t('followCheckFound', newItems) : t('followCheckNone'));
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(t('followError', error instanceof Error ? error.message : String(error)));
    } finally {
      setIsChecking(false);
    }
  };

  const toggleNotify = (wanted: boolean) => {
    const change = wanted ? permission.request() : permission.remove().then((removed) => !removed);
    void change.then(
      (granted) => {
        setNotify(granted);
        if (wanted && !granted) setMessage(t('followNotifyDenied'));
      },
      () => setNotify(false),
    );
  };

  const stories = list.status === 'ready' ? list.stories : [];
  return (
    <div class="bs-follow-panel">
      <div class="bs-follow-panel__tools">
        <label class="bs-follow-panel__notify">
          <input type="checkbox" checked={notify === true} disabled={notify === null} onChange={(e) => toggleNotify(e.currentTarget.checked)} />
          {t('followNotify')}
        </label>
        {stories.length > 0 && (
          <button type="button" class="bs-follow-panel__check bs-focusable" disabled={isChecking} onClick={() => void checkNow()}>
            {isChecking ? t('followChecking') : t('followCheckNow')}
          </button>
        )}
      </div>
      <p class="bs-follow-panel__message" role="status">
        {message}
      </p>
      {list.status === 'loading' && <StatusMessage tone="loading" title={t('followLoading')} />}
      {list.status === 'error' && <StatusMessage tone="error" title={t('followLoadError')} />}
      {list.status === 'ready' &&
        (stories.length ? (
          <FollowList stories={stories} now={now()} onUnfollow={(story) => void unfollow(story)} busyIds={busyIds} />
        ) : (
          <StatusMessage title={t('followEmptyTitle')} detail={t('followEmptyDetail')} />
        ))}
    </div>
  );
}
