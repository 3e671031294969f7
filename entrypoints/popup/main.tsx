import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n';
import { perfMark } from '@/utils/perf';
import { App, requestPage } from './App';
import { takeEarlyRead } from './early';
import './style.css';

// The strings are in the UI language: say so, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
perfMark('popup:start');
// The tab is asked for its article before the first render, not after it; its snapshot, already
// asked for by the early script, may be there by now.
const requested = requestPage(location.search, takeEarlyRead(location.search));
render(<App search={location.search} requested={requested} />, document.getElementById('app')!);
