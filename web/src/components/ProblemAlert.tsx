import { forwardRef } from 'react';
import { describeError } from '@/lib/problem';

type Props = {
  error: unknown;
  /** Field names shown next to their inputs already: not repeated here. */
  shownFields?: string[];
  /** Human names of fields (`shippingAddress.line1` → "Address line 1"). */
  fieldLabels?: Record<string, string>;
  onRetry?: () => void;
};

/**
 * An error in words: the problem's `detail`, and each field it names with its message. An alert:
 * screen readers announce it when it appears.
 */
export const ProblemAlert = forwardRef<HTMLDivElement, Props>(function ProblemAlert(
  { error, shownFields = [], fieldLabels = {}, onRetry },
  ref,
) {
  const { message, fields } = describeError(error);
  const others = fields.filter((f) => !shownFields.includes(f.field));
  return (
    <div className="alert alert-error" role="alert" ref={ref} tabIndex={-1}>
      <p>{message}</p>
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <strong>{fieldLabels[f.field] ?? f.field}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
});
