import './theme.css';
import './Skeleton.css';

export type SkeletonProps = {
  /** Grey lines standing in for text. */
  lines?: number;
  /** Announced to screen readers; the lines themselves are hidden from them. */
  label?: string;
};

/** A placeholder while content loads: shimmering lines, announced once as `label`. */
export function Skeleton({ lines = 3, label }: SkeletonProps) {
  return (
    <div class="bs-skeleton" role={label ? 'status' : undefined} aria-busy={label ? 'true' : undefined}>
      {label && <span class="bs-visually-hidden">{label}</span>}
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} class="bs-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
