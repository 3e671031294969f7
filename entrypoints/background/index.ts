import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageListener } from '@/utils/messaging';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createMessageListener({
      articleDetected: () => ({ recorded: false }),
      getHistory: () => [],
    }),
  );
});
