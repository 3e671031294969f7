import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { sendMessage } from '@/utils/messaging';
import { perfMark } from '@/utils/perf';

/**
 * The least time between two asks while the context is incomplete. Each ask after the first names
 * the version it has (`after`), and the background answers at its next change (or after 2 s), so
 * results show as each provider answers; this only keeps a background that answers at once
 * (a change every moment) from being asked in a loop.
 */
export const POLL_INTERVAL_MS = 100;
/** Stop asking after this long: what arrived by then stays on screen. */
export const POLL_DEADLINE_MS = 30_000;

export type StoryContextState =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `isFinal`: complete, or polling stopped (deadline reached or the background stopped answering). */
  | { status: 'ready'; context: StoryContext; isFinal: boolean }
  | { status: 'error'; message: string };

/** `after`: the version of the context shown (asks after the first); see `getContext`. */
export type ContextRequest = { article: Article; tabId?: number; after?: number };

export type UseStoryContextOptions = {
  /** Asks the background once; the default sends `getContext`. */
  ask?: (request: ContextRequest) => Promise<StoryContext>;
  interval?: number;
  deadline?: number;
  /** The clock the deadline is measured on. */
  now?: () => number;
  /**
   * The first answer for this article when the caller has already asked (the popup asks as soon as it
   * has the article, before painting it): the answer itself, shown in the first render, or the pending
   * ask, awaited instead of asking again. Used once; polling then goes on with `ask`.
   */
  first?: StoryContext | Promise<StoryContext>;
  /**
   * `first` is complete but may be out of date (the popup's snapshot of the tab, while the background
   * has started the lookup again): it stays on screen, not final, while the background is asked, and
   * gives way only to a complete answer (or stays, final, when none comes by the deadline).
   */
  refresh?: boolean;
};

const isPending = (first: StoryContext | Promise<StoryContext>): first is Promise<StoryContext> =>
  typeof (first as Promise<StoryContext>).then === 'function';

const askBackground = (request: ContextRequest) => sendMessage('getContext', request);

/**
 * The story context of `request.article`, asked again (for the next change after the version shown,
 * at most once per `interval` ms) until it is `complete` or `deadline` ms have passed, so results
 * appear as each provider answers. Stops on unmount and when the article changes (pass stable
 * `ask`/`now` functions: new ones restart it). A failed ask after a success keeps what is known and
 * stops; a failed first ask is an error.
 */
export function useStoryContext(
  request: ContextRequest | null,
  { ask = askBackground, interval = POLL_INTERVAL_MS, deadline = POLL_DEADLINE_MS, now = Date.now, first, refresh = false }: UseStoryContextOptions = {},
): StoryContextState {
  const [state, setState] = useState<StoryContextState>(() => {
    if (!request) return { status: 'idle' };
    return first && !isPending(first) ? { status: 'ready', context: first, isFinal: first.complete && !refresh } : { status: 'loading' };
  });
  const article = request?.article ?? null;
  const tabId = request?.tabId;
  // `first` belongs to the article it came with: read when the effect (re)starts, each one used once.
  const latestFirst = useRef(first);
  latestFirst.current = first;
  const usedFirst = useRef<typeof first>(undefined);

  useEffect(() => {
    if (article === null) {
      setState({ status: 'idle' });
      return;
    }
    const given = latestFirst.current !== usedFirst.current ? latestFirst.current : undefined;
    usedFirst.current = latestFirst.current;
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let known: StoryContext | null = null;
    // While refreshing, what is on screen (the given context) and stays until a complete answer.
    let kept: StoryContext | null = null;
    const startedAt = now();
    // Unchanged state is returned as is: no second render of what the first one showed.
    const show = (next: StoryContextState) =>
      setState((current) =>
        current.status === next.status && (next.status !== 'ready' || (current.status === 'ready' && current.context === next.context && current.isFinal === next.isFinal))
          ? current
          : next,
      );

    let askedAt = 0;
    const poll = async (answer?: Promise<StoryContext>) => {
      try {
        askedAt = now();
        const request: ContextRequest = tabId === undefined ? { article } : { article, tabId };
        if (known) request.after = known.version;
        known = await (answer ?? ask(request));
      } catch (error) {
        if (isStopped) return;
        const last = kept ?? known;
        if (last) setState({ status: 'ready', context: last, isFinal: true });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (isStopped) return;
      received(known);
    };
    const received = (context: StoryContext) => {
      perfMark('context:answer');
      const isFinal = context.complete || now() - startedAt >= deadline;
      if (context.complete) kept = null;
      show({ status: 'ready', context: kept ?? context, isFinal });
      if (!isFinal) timer = setTimeout(() => void poll(), Math.max(0, askedAt + interval - now()));
    };
    if (given && !isPending(given) && refresh && given.complete) {
      // Shown as it is, not final; the background's own versions are followed from its first answer.
      kept = given;
      show({ status: 'ready', context: given, isFinal: false });
      void poll();
    } else if (given && !isPending(given)) {
      known = given;
      received(given);
    } else {
      show({ status: 'loading' });
      void poll(given);
    }

    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [article, tabId, ask, interval, deadline, now]);

  return state;
}
