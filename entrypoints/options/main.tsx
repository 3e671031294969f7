import { render } from 'preact';
import { t, uiLanguage } from '@/utils/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// The strings are in the UI language: say so, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App search={location.search} />, document.getElementById('app')!);
