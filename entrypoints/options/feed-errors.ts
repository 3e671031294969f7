import { t } from '@/utils/i18n';

/**
 * The background checks a feed (utils/context/feed-check.ts) and rejects with an English reason; the
 * options page shows it in the UI language. Each known reason maps to a message of its own; anything
 * else (a reason added later) is shown as it came.
 */
const REASONS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^That is not a web address/, () => t('feedErrorNotUrl')],
  [/^Only http:\/\/ and https:\/\//, () => t('feedErrorProtocol')],
  [/^The check was cancelled/, () => t('feedErrorCancelled')],
  [/^(\S+) asks to slow down/, (m) => t('feedErrorRateLimited', m[1]!)],
  [/^Could not reach (\S+): (.*)$/s, (m) => t('feedErrorUnreachable', [m[1]!, m[2]!])],
  [/^(\S+) answered HTTP (\d+)/, (m) => t('feedErrorHttp', [m[1]!, m[2]!])],
  [/^Not a feed: it has no items/, () => t('feedErrorNoItems')],
  [/^Not a feed: this is a web page/, () => t('feedErrorWebPage')],
  [/^Not a feed: empty body/, () => t('feedErrorEmpty')],
  [/^Not a feed: (.*)$/s, (m) => t('feedErrorOther', m[1]!)],
];

export function feedErrorText(message: string): string {
  for (const [pattern, text] of REASONS) {
    const match = message.match(pattern);
    if (match) return text(match);
  }
  return message;
}
