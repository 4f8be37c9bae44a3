// How a group's requests cross to the SQLite writer thread: packed into one string, because a
// worker message that is one string is copied whole, where a structured clone of a hundred
// requests' objects walked each of their strings (the largest single cost of a batch on the main
// thread). Every field is JSON text (the event's data and meta canonical, its other strings
// quoted), and JSON text never holds a raw control character, so U+0001 can separate them.
const SEP = '\u0001';

/** A quoted JSON string's value; a slice when it has no escapes (the usual case). */
const unquote = (q) => (q.indexOf('\\') < 0 ? q.slice(1, -1) : JSON.parse(q));

/** A request's fields before its events, packed: each event follows as `packedEvent`. */
export const packedHead = (streamJson, expected, key, digest, count) =>
  `${streamJson}${SEP}${JSON.stringify(expected)}${SEP}${key === undefined ? '' : JSON.stringify(key)}${SEP}${digest === undefined ? '' : JSON.stringify(digest)}${SEP}${count}${SEP}`;

/** An event of a request, packed from its JSON texts. */
export const packedEvent = (typeJson, occurredAtJson, recordedAtJson, data, meta) => `${typeJson}${SEP}${occurredAtJson}${SEP}${recordedAtJson}${SEP}${data}${SEP}${meta}${SEP}`;

export const packRequests = (requests) => {
  let out = '';
  for (const r of requests) {
    out += packedHead(r.streamJson, r.expected, r.key, r.digest, r.events.length);
    for (const e of r.events) out += packedEvent(e.typeJson, e.occurredAtJson, e.recordedAtJson, e.data, e.meta);
  }
  return out;
};

export const unpackRequests = (packed) => {
  const f = packed.split(SEP);
  const requests = [];
  // the text ends with a separator: its last field is empty
  for (let i = 0; i < f.length - 1; ) {
    const streamJson = f[i];
    const expected = JSON.parse(f[i + 1]);
    const key = f[i + 2] === '' ? undefined : JSON.parse(f[i + 2]);
    const digest = f[i + 3] === '' ? undefined : JSON.parse(f[i + 3]);
    const count = Number(f[i + 4]);
    i += 5;
    const events = new Array(count);
    for (let k = 0; k < count; k++, i += 5) {
      events[k] = { type: unquote(f[i]), occurredAt: unquote(f[i + 1]), recordedAt: unquote(f[i + 2]), data: f[i + 3], meta: f[i + 4], typeJson: f[i], occurredAtJson: f[i + 1], recordedAtJson: f[i + 2] };
    }
    requests.push({ stream: unquote(streamJson), streamJson, expected, events, ...(key === undefined ? {} : { key, digest }) });
  }
  return requests;
};
