// recordedAt only grows along the log: asOf finds the last position recorded by an instant with a
// binary search over it (Projections.positionAt), and a position once past an instant must stay
// past it. An event is given the time its command was decided, and appended after everything
// handed to the store before it; those two orders can differ by a little (a batch decided while a
// read it waits for lets a single command be decided and appended ahead of it, a clock set back by
// NTP). Each store seals in append order, so it is where the rule is kept: an event whose
// recordedAt is earlier than the one before it is recorded at that one's instant instead.
// Plain JavaScript: the SQLite writer thread seals with it too.

/** Instants as Date#toISOString writes them (every time the engine makes) compare as text. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const earlier = (a, b) => (ISO_UTC.test(a) && ISO_UTC.test(b) ? a < b : Date.parse(a) < Date.parse(b));

/** The recordedAt to seal an event with, given the recordedAt of the event before it (undefined for the first). */
export const recordedNoEarlier = (recordedAt, before) => (before === undefined || recordedAt === before || !earlier(recordedAt, before) ? recordedAt : before);

/** An unsealed event as a store seals it after an event recorded at `before`: itself, or a copy recorded at `before`. */
export const asRecordedAfter = (e, before) => {
  const recordedAt = recordedNoEarlier(e.recordedAt, before);
  return recordedAt === e.recordedAt ? e : { ...e, recordedAt };
};
