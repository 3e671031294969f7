import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n';
import { App } from './App';
import './style.css';

// The strings are in the UI language: say so, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
render(<App search={location.search} />, document.getElementById('app')!);
