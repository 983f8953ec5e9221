import { NetworkError, ProblemError } from '@/lib/problem';

/**
 * One Idempotency-Key per checkout attempt. A second click while the first is in flight, or a retry
 * after a lost answer (network error, 5xx, 429), sends the same key with the same body, so the cart
 * service answers with the same order instead of placing another. A changed form is a new attempt;
 * so is a retry after a definitive refusal (a 4xx), since the shopper has to fix something first.
 */
export function createAttempts(newKey: () => string = () => crypto.randomUUID()) {
  let current: { key: string; body: string } | null = null;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (!current || current.body !== text) current = { key: newKey(), body: text };
      return current.key;
    },
    /** After an answer: keep the key only when the outcome is unknown. */
    settle(error?: unknown): void {
      const unknownOutcome =
        error instanceof NetworkError ||
        (error instanceof ProblemError && (error.status >= 500 || error.status === 429));
      if (!unknownOutcome) current = null;
    },
  };
}
