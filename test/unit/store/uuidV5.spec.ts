// Name-based UUIDs for EventStoreDB event ids: checked against vectors from Python's uuid module
// (uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') and uuid.uuid5(uuid.NAMESPACE_URL, …)).
import { describe, expect, it } from 'vitest';
import { uuidV5 } from '../../../server/store/uuidV5';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches an independent implementation, UTF-8 names included', () => {
    expect(uuidV5(DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5(URL_NS, 'https://tally.example/é')).toBe('2836ab04-14e2-5b3c-a249-43f58b056f18');
  });

  it('gives the same id for the same name and different ids for different names', () => {
    expect(uuidV5(DNS, 'cmd-1/0')).toBe(uuidV5(DNS, 'cmd-1/0'));
    expect(uuidV5(DNS, 'cmd-1/0')).not.toBe(uuidV5(DNS, 'cmd-1/1'));
    expect(uuidV5(DNS, 'cmd-1/0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('tally', 'x')).toThrow(TypeError);
  });
});
