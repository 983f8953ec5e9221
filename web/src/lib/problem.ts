/** RFC 9457 problem details, as every Emporium API answers an error (docs/api.md). */
export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [member: string]: unknown;
};

/** An HTTP error with its problem body: what a page renders (`detail`, the fields it names). */
export class ProblemError extends Error {
  readonly problem: Problem;
  /** Seconds to wait before trying again (429 and 503 answers with a Retry-After header). */
  readonly retryAfter?: number;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** The problem type's last path segment: `insufficient-stock`, `conflict`, `validation-failed`... */
  get kind(): string {
    return this.problem.type.split('/').pop() ?? this.problem.type;
  }
}

/** The shop could not be reached at all: offline, DNS, a dropped connection. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The shop could not be reached. Check your connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

const STATUS_SENTENCES: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please sign in again.',
  403: 'You are not allowed to see this.',
  404: 'This could not be found.',
  409: 'This changed in the meantime. Reload and try again.',
  413: 'That is too large.',
  429: 'Too many requests. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The shop is having trouble right now. Please try again.',
  503: 'The shop is having trouble right now. Please try again.',
  504: 'The shop took too long to answer. Please try again.',
};

function sentenceFor(status: number): string {
  return (
    STATUS_SENTENCES[status] ?? (status >= 500 ? STATUS_SENTENCES[500]! : 'The request failed.')
  );
}

function isFieldErrors(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as FieldError).field === 'string' &&
        typeof (e as FieldError).message === 'string',
    )
  );
}

/**
 * The problem an error response carries. A body that is not problem+json (a proxy's HTML page, an
 * empty body) still becomes a problem with a sentence a shopper can read.
 */
export function problemFrom(status: number, body: unknown, statusText = ''): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    detail: sentenceFor(status),
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fallback;
  }
  const raw = body as Record<string, unknown>;
  const problem: Problem = { ...raw, ...fallback };
  if (typeof raw.type === 'string') problem.type = raw.type;
  if (typeof raw.title === 'string') problem.title = raw.title;
  if (typeof raw.detail === 'string' && raw.detail.trim() !== '') problem.detail = raw.detail;
  if (typeof raw.instance === 'string') problem.instance = raw.instance;
  if (isFieldErrors(raw.errors)) problem.errors = raw.errors;
  else delete problem.errors;
  return problem;
}

/** Retry-After in seconds (delta-seconds or an HTTP date), if the answer carries one. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** What to tell the shopper about any error: a sentence and the fields it concerns. */
export function describeError(error: unknown): { message: string; fields: FieldError[] } {
  if (error instanceof ProblemError) {
    let message = error.problem.detail ?? error.problem.title;
    if (error.status === 429 && error.retryAfter !== undefined) {
      message = `${message.replace(/\.?$/, '.')} Try again in ${error.retryAfter} s.`;
    }
    return { message, fields: error.fieldErrors };
  }
  if (error instanceof NetworkError) {
    return { message: error.message, fields: [] };
  }
  return { message: 'Something went wrong. Please try again.', fields: [] };
}
