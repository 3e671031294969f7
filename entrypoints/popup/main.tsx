import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n';
import { perfMark } from '@/utils/perf';
import { App, requestPage } from './App';
import './style.css';

// The strings are in the UI language: say so, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
perfMark('popup:start');
// The tab is asked for its article before the first render, not after it.
const requested = requestPage(location.search);
render(<App search={location.search} requested={requested} />, document.getElementById('app')!);
