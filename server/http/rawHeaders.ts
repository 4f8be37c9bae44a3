// The few request headers a fast path reads (fastRead.ts, fastCommand.ts), straight from Node's
// raw list: each in its slot of an array, so no record keyed by name is made per request.

/** Reads the named headers (lower case) into their slots: undefined when one came twice (the chain joins them, Node keeps one). */
export const headerSlots = (names: readonly string[]) => {
  const slotOf = new Map<string, number>(names.map((name, i) => [name, i]));
  return (raw: readonly string[]): (string | undefined)[] | undefined => {
    const h = new Array<string | undefined>(names.length).fill(undefined);
    for (let i = 0; i < raw.length; i += 2) {
      const at = slotOf.get(raw[i].toLowerCase());
      if (at === undefined) continue;
      if (h[at] !== undefined) return undefined;
      h[at] = raw[i + 1];
    }
    return h;
  };
};

/** A Host the Node adapter takes as it is (else it parses and may refuse it). */
export const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
