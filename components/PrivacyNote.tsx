import { t } from '@/utils/i18n';
import './Options.css';

/** What leaves the browser, in plain words (kept in line with PRIVACY.md). */
export function PrivacyNote() {
  return (
    <div class="bs-options__privacy">
      <p>{t('privacyIntro')}</p>
      <ul>
        <li>
          <strong>{t('privacyNewsName')}</strong> {t('privacyNews')}
        </li>
        <li>
          <strong>{t('privacyWikipediaName')}</strong> {t('privacyWikipedia')}
        </li>
        <li>
          <strong>{t('privacyFeedsName')}</strong> {t('privacyFeeds')}
        </li>
        <li>
          <strong>{t('privacyHistoryName')}</strong> {t('privacyHistory')}
        </li>
      </ul>
      <p>{t('privacyRequests')}</p>
    </div>
  );
}
