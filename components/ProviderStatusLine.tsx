import type { ProviderStatus } from '@/utils/context/types';
import { formatNumber, t } from '@/utils/i18n';
import './theme.css';
import './ProviderStatusLine.css';

export type ProviderStatusLineProps = {
  providers: ProviderStatus[];
};

/** One provider's part of the line: "Google News 12", "GDELT rate-limited, retrying", "Bing News timed out", "GDELT no results". */
export function describeProvider(provider: ProviderStatus): string {
  const name = provider.name.slice(0, 40);
  switch (provider.state) {
    case 'pending':
      return t('providerSearching', name);
    case 'ok':
      return t('providerCount', [name, formatNumber(provider.count)]);
    case 'empty':
      return provider.count ? t('providerCount', [name, formatNumber(provider.count)]) : t('providerEmpty', name);
    case 'rate-limited':
      return t('providerRateLimited', name);
    case 'offline':
      // The scheduler's timeout ("timed out after 4 s") is worth telling apart from no network at all.
      return provider.message?.startsWith('timed out') ? t('providerTimedOut', name) : t('providerOffline', name);
    case 'error':
      // Short reasons ("HTTP 500") help; long ones quote the provider's body and do not.
      return provider.message && provider.message.length <= 30 ? t('providerFailedReason', [name, provider.message]) : t('providerFailed', name);
    case 'off':
      return t('providerOff', name);
  }
}

/** Which sources answered and how, in one line; announced politely as it changes. */
export function ProviderStatusLine({ providers }: ProviderStatusLineProps) {
  // Your own history with nothing on this story is not news ("Your history 0"): left out.
  const shown = providers.filter((p) => p.state !== 'off' && !(p.id === 'history' && p.state === 'empty'));
  if (shown.length === 0) return null;
  return (
    <p class="bs-providers" role="status" aria-label={t('providersLabel')}>
      {shown.map((provider, index) => (
        <span key={provider.id} class={`bs-providers__item bs-providers__item--${provider.state}`}>
          {index > 0 && ' · '}
          {describeProvider(provider)}
        </span>
      ))}
    </p>
  );
}
