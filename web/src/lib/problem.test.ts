import { describe, expect, it } from 'vitest';
import {
  describeError,
  NetworkError,
  ProblemError,
  problemFrom,
  retryAfterSeconds,
} from './problem';

describe('problem+json', () => {
  it('keeps the detail and the named fields of a validation problem', () => {
    const problem = problemFrom(400, {
      type: 'https://emporium.io/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'shippingAddress.line1: must not contain control characters',
      errors: [{ field: 'shippingAddress.line1', message: 'must not contain control characters' }],
    });
    const error = new ProblemError(problem);
    expect(error.kind).toBe('validation-failed');
    expect(describeError(error)).toEqual({
      message: 'shippingAddress.line1: must not contain control characters',
      fields: [{ field: 'shippingAddress.line1', message: 'must not contain control characters' }],
    });
  });

  it('keeps extra members such as available', () => {
    const problem = problemFrom(409, {
      type: 'x/insufficient-stock',
      title: 'T',
      status: 409,
      detail: 'Only 2 left',
      available: 2,
    });
    expect(problem.available).toBe(2);
  });

  it('gives a sentence for an answer that is not problem+json', () => {
    expect(problemFrom(502, undefined, 'Bad Gateway').detail).toBe(
      'The shop is having trouble right now. Please try again.',
    );
    expect(problemFrom(404, '<html>').detail).toBe('This could not be found.');
  });

  it('drops malformed errors members and blank details', () => {
    const problem = problemFrom(400, { title: 'x', detail: '  ', errors: [{ nope: 1 }] });
    expect(problem.errors).toBeUndefined();
    expect(problem.detail).toBe('The request was not accepted.');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });

  it('tells a rate-limited shopper when to try again', () => {
    const error = new ProblemError(
      problemFrom(429, { title: 'Too Many Requests', status: 429, detail: 'Slow down' }),
      12,
    );
    expect(describeError(error).message).toBe('Slow down. Try again in 12 s.');
  });

  it('says the shop is unreachable for a network error', () => {
    expect(describeError(new NetworkError()).message).toMatch(/could not be reached/);
  });
});
