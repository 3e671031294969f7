import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { sendMessage } from '@/utils/messaging';

/** How often to ask again while the context is incomplete. */
export const POLL_INTERVAL_MS = 300;
/** Stop asking after this long: what arrived by then stays on screen. */
export const POLL_DEADLINE_MS = 30_000;

export type StoryContextState =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `isFinal`: complete, or polling stopped (deadline reached or the background stopped answering). */
  | { status: 'ready'; context: StoryContext; isFinal: boolean }
  | { status: 'error'; message: string };

export type ContextRequest = { article: Article; tabId?: number };

export type UseStoryContextOptions = {
  /** Asks the background once; the default sends `getContext`. */
  ask?: (request: ContextRequest) => Promise<StoryContext>;
  interval?: number;
  deadline?: number;
  /** The clock the deadline is measured on. */
  now?: () => number;
};

const askBackground = (request: ContextRequest) => sendMessage('getContext', request);

/**
 * The story context of `request.article`, asked again every `interval` ms until it is `complete` or
 * `deadline` ms have passed, so results appear as each provider answers. Stops on unmount and when the
 * article changes (pass stable `ask`/`now` functions: new ones restart it). A failed ask after a success keeps what is known and stops; a failed first ask is an error.
 */
export function useStoryContext(
  request: ContextRequest | null,
  { ask = askBackground, interval = POLL_INTERVAL_MS, deadline = POLL_DEADLINE_MS, now = Date.now }: UseStoryContextOptions = {},
): StoryContextState {
  const [state, setState] = useState<StoryContextState>({ status: request ? 'loading' : 'idle' });
  const article = request?.article ?? null;
  const tabId = request?.tabId;

  useEffect(() => {
    if (article === null) {
      setState({ status: 'idle' });
      return;
    }
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let known: StoryContext | null = null;
    const startedAt = now();
    setState({ status: 'loading' });

    const poll = async () => {
      try {
        known = await ask(tabId === undefined ? { article } : { article, tabId });
      } catch (error) {
        if (isStopped) return;
        if (known) setState({ status: 'ready', context: known, isFinal: true });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (isStopped) return;
      const isFinal = known.complete || now() - startedAt >= deadline;
      setState({ status: 'ready', context: known, isFinal });
      if (!isFinal) timer = setTimeout(() => void poll(), interval);
    };
    void poll();

    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [article, tabId, ask, interval, deadline, now]);

  return state;
}
