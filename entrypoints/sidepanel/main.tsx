import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/entrypoints/popup/App';
import { uiLanguage } from '@/utils/i18n';
import { followActiveTab, type OnTab, type TabsApi, type WindowsApi } from './follow-tab';
import '@/entrypoints/popup/style.css';
import './style.css';

/** The popup's view (This page · History), following the active tab of the panel's window. */
const follow = (onTab: OnTab) =>
  followActiveTab({ tabs: browser.tabs as unknown as TabsApi, windows: browser.windows as unknown as WindowsApi }, onTab);

document.documentElement.lang = uiLanguage();
render(<App search="" followTab={follow} />, document.getElementById('app')!);
