import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import type { FollowedStoryView } from '@/utils/follow/types';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import './theme.css';
import './Follow.css';

export type FollowButtonProps = {
  article: Article;
  tabId: number | null;
  /** Sends a message to the background (default `sendMessage`; tests pass their own). */
  send?: typeof sendMessage;
};

type State = { status: 'loading' } | { status: 'ready'; story: FollowedStoryView | null; busy: boolean; error?: string };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Follow this story" / "Following ✓" on "This page": follows the article's story, or stops following it. */
export function FollowButton({ article, tabId, send = sendMessage }: FollowButtonProps) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let isStopped = false;
    setState({ status: 'loading' });
    send('listFollows', {}).then(
      (stories) =>
        !isStopped &&
        setState({ status: 'ready', story: (Array.isArray(stories) ? stories : []).find((s) => s.canonicalUrl === article.canonicalUrl) ?? null, busy: false }),
      () => !isStopped && setState({ status: 'ready', story: null, busy: false }),
    );
    return () => {
      isStopped = true;
    };
  }, [article.canonicalUrl, send]);

  if (state.status === 'loading') return null;
  const { story, busy, error } = state;

  const toggle = async () => {
    setState({ status: 'ready', story, busy: true });
    try {
      if (story) {
        await send('unfollowStory', { id: story.id });
        setState({ status: 'ready', story: null, busy: false });
      } else {
        const followed = await send('followStory', tabId === null ? { article } : { article, tabId });
        setState({ status: 'ready', story: followed, busy: false });
      }
    } catch (failure) {
      setState({ status: 'ready', story, busy: false, error: t('followError', reason(failure)) });
    }
  };

  return (
    <div class="bs-follow">
      <button
        type="button"
        class={story ? 'bs-follow__button bs-follow__button--on bs-focusable' : 'bs-follow__button bs-focusable'}
        aria-describedby="bs-follow-hint"
        disabled={busy}
        aria-busy={busy ? 'true' : undefined}
        onClick={() => void toggle()}
      >
        {story ? t('followButtonFollowing') : t('followButton')}
      </button>
      <p id="bs-follow-hint" class={error ? 'bs-follow__hint bs-follow__hint--error' : 'bs-follow__hint'} role={error ? 'alert' : undefined}>
        {error ?? t('followButtonHint')}
      </p>
    </div>
  );
}
