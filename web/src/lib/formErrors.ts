import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ProblemError } from './problem';

/**
 * Puts a problem's field errors on the form's fields (`errors[].field` → input), so each message
 * shows next to its input. Returns the problem fields it placed; ProblemAlert lists the rest.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldMap: Record<string, Path<T>>,
): string[] {
  if (!(error instanceof ProblemError)) return [];
  const placed: string[] = [];
  let first = true;
  for (const { field, message } of error.fieldErrors) {
    const name = fieldMap[field];
    if (!name) continue;
    setError(name, { type: 'server', message }, { shouldFocus: first });
    first = false;
    placed.push(field);
  }
  return placed;
}
