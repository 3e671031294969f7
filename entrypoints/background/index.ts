import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listHistory, recordVisit } from '@/utils/db';
import { createBackgroundHandlers } from '@/utils/history';
import { createMessageListener } from '@/utils/messaging';

export default defineBackground(() => {
  // Registered synchronously so that a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener(
    createMessageListener(createBackgroundHandlers({ recordVisit, listHistory, now: Date.now })),
  );
});
