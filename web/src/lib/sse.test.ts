import { describe, expect, it } from 'vitest';
import { eventStream } from '@/test/fakeFetch';
import { createSseParser, readEventStream, type SseEvent } from './sse';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  parser.end();
  return events;
}

describe('SSE parser', () => {
  it('reads named events with their data', () => {
    expect(parse('event: status\ndata: {"status":"PENDING"}\n\n')).toEqual([
      { event: 'status', data: '{"status":"PENDING"}', id: undefined, retry: undefined },
    ]);
  });

  it('joins data lines and defaults the event name to message', () => {
    expect(parse('data: a\ndata: b\n\n')[0]).toMatchObject({ event: 'message', data: 'a\nb' });
  });

  it('handles chunks that split a line, and CR LF split between chunks', () => {
    const events = parse('event: sta', 'tus\r', '\ndata: {"a"', ':1}\r\n\r', '\n');
    expect(events).toEqual([{ event: 'status', data: '{"a":1}', id: undefined, retry: undefined }]);
  });

  it('ignores comments (keep-alives) and events without data', () => {
    expect(parse(':keep-alive\n\n', 'event: ping\n\n', 'data:x\n\n')).toEqual([
      { event: 'message', data: 'x', id: undefined, retry: undefined },
    ]);
  });

  it('keeps id and retry, and drops an unterminated event at the end', () => {
    const events = parse('id: 7\nretry: 3000\ndata: one\n\ndata: half');
    expect(events).toEqual([{ event: 'message', data: 'one', id: '7', retry: 3000 }]);
  });

  it('reads a streamed response as events arrive', async () => {
    const stream = eventStream();
    const events: SseEvent[] = [];
    const done = readEventStream(stream.response, (e) => events.push(e));
    stream.send('event: status\ndata: 1\n\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(events.map((e) => e.data)).toEqual(['1']);
    stream.send('event: status\nda');
    stream.send('ta: 2\n\n');
    stream.close();
    await done;
    expect(events.map((e) => e.data)).toEqual(['1', '2']);
  });

  it('stops reading when aborted', async () => {
    const stream = eventStream();
    const controller = new AbortController();
    const done = readEventStream(stream.response, () => undefined, controller.signal);
    controller.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
