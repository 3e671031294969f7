import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveEarlyRead, startEarlyRead, type EarlyApi } from './popup/early';

/**
 * Loaded by the popup page (entrypoints/popup/index.html) before its main code: starts the popup's
 * first read (entrypoints/popup/early.ts). A few hundred bytes, without the polyfill: both browsers'
 * own objects answer with promises here.
 */
export default defineUnlistedScript(() => {
  const api = ((globalThis as { browser?: EarlyApi }).browser ?? (globalThis as { chrome?: EarlyApi }).chrome) as EarlyApi | undefined;
  if (api?.tabs) leaveEarlyRead(startEarlyRead(location.search, api));
});
