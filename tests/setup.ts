import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, loadMessages } from './i18n-messages';

// Components render their strings through browser.i18n; the fake browser has no i18n, so unit
// tests read the English messages.json the way a browser would.
const english = loadMessages('en');

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    formatMessage(english[key], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
