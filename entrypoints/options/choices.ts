/** The select lists' choices; '' is "automatic". Names come from Intl in the page's locale. */
import { displayName } from '@/components/format';

export const REGIONS = ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'IN', 'ZA', 'NG', 'KE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'ES', 'IT', 'PT', 'SE', 'NO', 'DK', 'FI', 'PL', 'BR', 'MX', 'AR', 'CL', 'JP', 'KR', 'SG'];
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'ja', 'ko', 'zh', 'ar', 'tr', 'ru', 'uk'];
export const RETENTION_DAYS = [30, 90, 180, 365];

const sorted = (list: { value: string; label: string }[]) => list.sort((a, b) => a.label.localeCompare(b.label));

export const regionOptions = () => [
  { value: '', label: 'Automatic (from the article, else your browser)' },
  ...sorted(REGIONS.map((code) => ({ value: code, label: displayName(code, 'region') }))),
];
export const languageOptions = () => [
  { value: '', label: 'Automatic (the article’s own language)' },
  ...sorted(LANGUAGES.map((code) => ({ value: code, label: displayName(code, 'language') }))),
];
export const retentionOptions = () => [
  { value: '', label: 'Forever (until you delete it)' },
  ...RETENTION_DAYS.map((d) => ({ value: String(d), label: d === 365 ? '1 year' : `${d} days` })),
];
