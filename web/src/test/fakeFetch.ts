import { vi } from 'vitest';

/** A request as a fake server sees it. */
export type Seen = { method: string; url: string; path: string; headers: Headers; body: unknown };

type Handler = (request: Seen) => Response | Promise<Response>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(
    JSON.stringify({
      type: 'https://emporium.io/problems/x',
      title: 'T',
      status,
      detail,
      ...extra,
    }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );

/**
 * Replaces fetch with routes of a fake shop ("POST /api/cart/items" → handler); an unmatched
 * request fails the test loudly. Returns the requests seen.
 */
export function fakeFetch(routes: Record<string, Handler>) {
  const seen: Seen[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, 'http://shop.test');
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown = init.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* keep the text */
      }
    }
    const request: Seen = {
      method,
      url,
      path: parsed.pathname,
      headers: new Headers(init.headers),
      body,
    };
    seen.push(request);
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return (
        m === method &&
        (p === parsed.pathname || (p!.endsWith('*') && parsed.pathname.startsWith(p!.slice(0, -1))))
      );
    });
    if (!key) throw new Error(`unexpected ${method} ${url}`);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return routes[key]!(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { seen, fetchMock };
}

/** A text/event-stream response whose chunks the test pushes and ends when it wants. */
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send(text: string) {
      controller.enqueue(encoder.encode(text));
    },
    close() {
      controller.close();
    },
  };
}

/** An unsigned JWT with these claims (the SPA never verifies; the services do). */
export function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) =>
    btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'RS256', kid: 'dummy' })}.${b64(claims)}.sig`;
}
