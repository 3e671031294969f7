import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n';
import { perfMark } from '@/utils/perf';
import { App } from './App';
import './style.css';

// The strings are in the UI language: say so, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
perfMark('popup:start');
render(<App search={location.search} />, document.getElementById('app')!);
