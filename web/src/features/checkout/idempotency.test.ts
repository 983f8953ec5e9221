import { describe, expect, it } from 'vitest';
import { NetworkError, ProblemError, problemFrom } from '@/lib/problem';
import { createAttempts } from './idempotency';

function attempts() {
  let n = 0;
  return createAttempts(() => `key-${++n}`);
}

describe('one Idempotency-Key per checkout attempt', () => {
  it('reuses the key for the same body until the attempt has an answer', () => {
    const a = attempts();
    expect(a.keyFor({ x: 1 })).toBe('key-1');
    expect(a.keyFor({ x: 1 })).toBe('key-1');
  });

  it('takes a new key when the form changed', () => {
    const a = attempts();
    a.keyFor({ x: 1 });
    expect(a.keyFor({ x: 2 })).toBe('key-2');
  });

  it('keeps the key after an unknown outcome: network error, 5xx, 429', () => {
    const a = attempts();
    a.keyFor({ x: 1 });
    a.settle(new NetworkError());
    a.settle(new ProblemError(problemFrom(503, {})));
    a.settle(new ProblemError(problemFrom(429, {})));
    expect(a.keyFor({ x: 1 })).toBe('key-1');
  });

  it('starts a new attempt after a refusal or a success', () => {
    const a = attempts();
    a.keyFor({ x: 1 });
    a.settle(new ProblemError(problemFrom(409, {})));
    expect(a.keyFor({ x: 1 })).toBe('key-2');
    a.settle();
    expect(a.keyFor({ x: 1 })).toBe('key-3');
  });
});
