import './theme.css';
import './StatusMessage.css';

export type StatusMessageProps = {
  /** One short line: "Not an article", "Loading…". */
  title: string;
  /** One line of explanation. */
  detail?: string;
  /** `loading` shows a spinner and is announced politely; `error` uses the error colour. */
  tone?: 'neutral' | 'loading' | 'error';
};

/** A state in place of content: loading, empty, not an article, error. */
export function StatusMessage({ title, detail, tone = 'neutral' }: StatusMessageProps) {
  return (
    <div
      class={`bs-status bs-status--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-busy={tone === 'loading' ? 'true' : undefined}
    >
      {tone === 'loading' && <span class="bs-status__spinner" aria-hidden="true" />}
      <p class="bs-status__title">{title}</p>
      {detail && <p class="bs-status__detail">{detail}</p>}
    </div>
  );
}
