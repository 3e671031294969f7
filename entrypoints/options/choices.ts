/** The select lists' choices; '' is "automatic". Names come from Intl in the page's locale. */
import { displayName } from '@/components/format';
import { formatNumber, t } from '@/utils/i18n';

export const REGIONS = ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'IN', 'ZA', 'NG', 'KE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'ES', 'IT', 'PT', 'SE', 'NO', 'DK', 'FI', 'PL', 'BR', 'MX', 'AR', 'CL', 'JP', 'KR', 'SG'];
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'ja', 'ko', 'zh', 'ar', 'tr', 'ru', 'uk'];
export const RETENTION_DAYS = [30, 90, 180, 365];

const sorted = (list: { value: string; label: string }[]) => list.sort((a, b) => a.label.localeCompare(b.label));

export const regionOptions = () => [
  { value: '', label: t('choiceRegionAuto') },
  ...sorted(REGIONS.map((code) => ({ value: code, label: displayName(code, 'region') }))),
];
export const languageOptions = () => [
  { value: '', label: t('choiceLanguageAuto') },
  ...sorted(LANGUAGES.map((code) => ({ value: code, label: displayName(code, 'language') }))),
];
export const retentionOptions = () => [
  { value: '', label: t('choiceRetentionForever') },
  ...RETENTION_DAYS.map((d) => ({ value: String(d), label: d === 365 ? t('choiceRetentionYear') : t('choiceRetentionDays', formatNumber(d)) })),
];
