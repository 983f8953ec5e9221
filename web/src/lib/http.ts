import { NetworkError, ProblemError, problemFrom, retryAfterSeconds } from './problem';

/**
 * Where the fetch wrapper gets the shopper's access token. The auth feature installs it; lib/ knows
 * nothing of Cognito.
 */
export type TokenSource = {
  /** A valid access token (refreshed when about to expire), or null for a guest. */
  accessToken(): Promise<string | null>;
  /** After a 401: refresh now; the new token, or null when the session is over. */
  refreshAfterRejection(): Promise<string | null>;
};

let tokens: TokenSource = {
  accessToken: async () => null,
  refreshAfterRejection: async () => null,
};

export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** 'required' sends the bearer token; a guest gets a 401 problem without a request. */
  auth?: 'required' | 'none';
  signal?: AbortSignal;
  accept?: string;
};

export type ApiResponse<T> = { data: T; status: number; headers: Headers };

function unauthenticated(instance: string): ProblemError {
  return new ProblemError({
    type: 'https://emporium.io/problems/unauthenticated',
    title: 'Unauthenticated',
    status: 401,
    detail: 'Please sign in to continue.',
    instance,
  });
}

async function send(
  path: string,
  options: RequestOptions,
  token: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  Object.assign(headers, options.headers);
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function errorOf(response: Response): Promise<ProblemError> {
  const problem = problemFrom(response.status, await readBody(response), response.statusText);
  return new ProblemError(problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

/**
 * A response that is OK, or a thrown ProblemError / NetworkError. With auth 'required', a 401 is
 * answered by one token refresh and one retry (an access token can expire between check and use).
 */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  let token: string | null = null;
  if (options.auth === 'required') {
    token = await tokens.accessToken();
    if (!token) throw unauthenticated(path);
  }
  let response = await send(path, options, token);
  if (response.status === 401 && options.auth === 'required') {
    const fresh = await tokens.refreshAfterRejection();
    if (!fresh) throw unauthenticated(path);
    response = await send(path, options, fresh);
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** A JSON call through the one fetch wrapper: the parsed body, status and headers. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await request(path, options);
  return {
    data: (await readBody(response)) as T,
    status: response.status,
    headers: response.headers,
  };
}

/** Query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
