import './Options.css';

/** The first-run welcome above the settings: what Backstory does, and that the defaults are already set. */
export function WelcomeIntro() {
  return (
    <section class="bs-options__section bs-options__welcome" aria-labelledby="bs-welcome">
      <h1 id="bs-welcome">Welcome to Backstory</h1>
      <p>
        On a news article, Backstory shows its context: who and where, the same story from other outlets, and what came before — including what
        you already read. Click the toolbar button, or the small “Backstory” tab at the edge of an article.
      </p>
      <p>
        It is ready to use: every source is on and the sidebar starts as a small tab. Change anything below; the last section says exactly what
        leaves your browser.
      </p>
    </section>
  );
}
