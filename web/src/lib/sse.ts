/**
 * A fetch-based reader of text/event-stream (the WHATWG "server-sent events" format), because
 * EventSource cannot send an Authorization header.
 */
export type SseEvent = { event: string; data: string; id?: string; retry?: number };

/**
 * A push parser: feed it decoded text as it arrives (chunks may split lines, even CR LF), it calls
 * onEvent for each complete event. Comments (": ...") are ignored; data lines are joined with \n;
 * an event without data is not dispatched, as in the spec.
 */
export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = '';
  let pendingCR = false;
  let eventType = '';
  let data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;

  function dispatch() {
    if (data.length > 0) {
      onEvent({ event: eventType || 'message', data: data.join('\n'), id, retry });
    }
    eventType = '';
    data = [];
    retry = undefined;
  }

  function line(text: string) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) retry = Number(value);
        break;
      default:
        break;
    }
  }

  return {
    push(chunk: string) {
      let text = chunk;
      if (pendingCR && text.startsWith('\n')) text = text.slice(1);
      pendingCR = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' || c === '\r') {
          line(buffer.slice(start, i));
          if (c === '\r') {
            if (i + 1 === buffer.length) pendingCR = true;
            else if (buffer[i + 1] === '\n') i++;
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
    /** The stream ended: an unterminated event is dropped, as the spec says. */
    end() {
      buffer = '';
      eventType = '';
      data = [];
    },
  };
}

/** Reads an open event-stream response to its end (or until the signal aborts). */
export async function readEventStream(
  response: Response,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (!response.body) return;
  const parser = createSseParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
