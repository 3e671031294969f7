import './Options.css';

/** What leaves the browser, in plain words (kept in line with PRIVACY.md). */
export function PrivacyNote() {
  return (
    <div class="bs-options__privacy">
      <p>Backstory reads the article on your device. Your reading history, the article text and its address never leave your browser.</p>
      <ul>
        <li>
          <strong>Google News, GDELT, Bing News</strong> receive a short search (at most 200 characters) made of a few names and key terms
          from the article, with a date window, language and region. Never the page address, never a sentence of the article.
        </li>
        <li>
          <strong>Wikipedia</strong> receives the names it explains (people, places, organisations, the outlet).
        </li>
        <li>
          <strong>Your feeds</strong> are fetched from the addresses you add; nothing about what you read is sent to them.
        </li>
        <li>
          <strong>Your history</strong> stays on this device (IndexedDB). Nothing is recorded in private windows, while history is paused, or on
          excluded sites.
        </li>
      </ul>
      <p>
        Requests carry no cookies and no referrer; each service sees your IP address, as with any web request. No account, no analytics, no
        remote code. Switch a source off and nothing is sent to it.
      </p>
    </div>
  );
}
