// RFC 4122 name-based UUIDs (version 5, SHA-1): the same name always gives the same id, which is
// what lets EventStoreDB recognise a retried append as one it already holds.
import { createHash } from 'node:crypto';

const hexOf = (uuid: string): Buffer => {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
};

export const uuidV5 = (namespace: string, name: string): string => {
  const b = createHash('sha1').update(hexOf(namespace)).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50; // version 5
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
