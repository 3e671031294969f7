import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import './theme.css';
import './Section.css';

export type SectionProps = {
  title: string;
  /** A short note after the title, e.g. "5 outlets". */
  note?: string;
  children: ComponentChildren;
};

/** A titled part of the context view (Summary, Same story, Timeline…): a region named by its heading. */
export function Section({ title, note, children }: SectionProps) {
  const id = useId();
  return (
    <section class="bs-section" aria-labelledby={id}>
      <h3 class="bs-section__title" id={id}>
        {title}
        {note && <span class="bs-section__note"> · {note}</span>}
      </h3>
      {children}
    </section>
  );
}
