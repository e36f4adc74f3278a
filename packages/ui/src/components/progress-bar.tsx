export interface ProgressBarProps {
  /** 0-100. */
  value: number;
  /** Already translated; names what is progressing (e.g. 「在留カードの写し のアップロード」). */
  label: string;
  id?: string;
}

/**
 * A determinate progress bar: role=progressbar with its value for assistive technology, the bar
 * and the percentage as text for sighted users (never the bar alone). Screen readers do not read
 * every change; pair it with a polite live region for start, finish and failure.
 */
export function ProgressBar({ value, label, id }: ProgressBarProps) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="k-progress">
      <div
        id={id}
        className="k-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <span className="k-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="k-progress__text" aria-hidden="true">
        {percent}%
      </span>
    </div>
  );
}
