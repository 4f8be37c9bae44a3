// The fetch-based stream reader's SSE parser.
import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../widgets/src/controllers/sse';

describe('SSE parser', () => {
  it('parses id and data, across chunk boundaries', () => {
    const p = new SseParser();
    expect(p.feed('id: 7\nda')).toEqual([]);
    expect(p.feed('ta: {"position":7}\n\n')).toEqual([{ id: '7', event: 'message', data: '{"position":7}' }]);
    expect(p.lastEventId).toBe('7');
  });

  it('joins multi-line data, ignores comments, keeps the last id, reads retry', () => {
    const p = new SseParser();
    const msgs = p.feed(': keep-alive\r\nevent: batch\r\ndata: a\r\ndata: b\r\nretry: 250\r\n\r\ndata: c\n\n');
    expect(msgs).toEqual([
      { id: undefined, event: 'batch', data: 'a\nb' },
      { id: undefined, event: 'message', data: 'c' },
    ]);
    expect(p.retry).toBe(250);
  });

  it('waits when a chunk ends between \\r and \\n', () => {
    const p = new SseParser();
    expect(p.feed('id: 1\r\ndata: x\r')).toEqual([]);
    expect(p.feed('\n\r\n')).toEqual([{ id: '1', event: 'message', data: 'x' }]);
  });

  it('dispatches nothing for a block without data', () => {
    expect(new SseParser().feed('id: 3\n\n')).toEqual([]);
  });
});
