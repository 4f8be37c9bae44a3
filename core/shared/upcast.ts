// Events are versioned by shape: an older shape read from the log is upcast on read — by every
// fold (read models, stream states) — and never rewritten, so the hash chain still covers the
// bytes that were appended. An upcaster lifts one version of one event type to the next.
export interface Upcaster {
  readonly type: string;
  /** the version it reads; a chain for one type runs in this order */
  readonly from: number;
  /** does this data have version `from`'s shape? */
  readonly matches: (data: unknown) => boolean;
  readonly up: (data: any) => unknown;
}

export const defineUpcaster = (u: Upcaster): Upcaster => u;

/** One function that brings any event to its current shape; untouched events are returned as they are. */
export const upcasterOf = (upcasters: readonly Upcaster[]) => {
  const byType = new Map<string, Upcaster[]>();
  for (const u of [...upcasters].sort((a, b) => a.from - b.from)) byType.set(u.type, [...(byType.get(u.type) ?? []), u]);
  return <E extends { readonly type: string; readonly data: unknown }>(e: E): E => {
    const chain = byType.get(e.type);
    if (!chain) return e;
    let data = e.data;
    for (const u of chain) if (u.matches(data)) data = u.up(data);
    return data === e.data ? e : { ...e, data };
  };
};

export type UpcastFn = <E extends { readonly type: string; readonly data: unknown }>(e: E) => E;
