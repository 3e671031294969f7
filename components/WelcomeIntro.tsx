import { t } from '@/utils/i18n';
import './Options.css';

/** The first-run welcome above the settings: what Backstory does, and that the defaults are already set. */
export function WelcomeIntro() {
  return (
    <section class="bs-options__section bs-options__welcome" aria-labelledby="bs-welcome">
      <h1 id="bs-welcome">{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhat')}</p>
      <p>{t('welcomeReady')}</p>
    </section>
  );
}
