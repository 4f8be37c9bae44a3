import type { WireRequest } from './sqliteGroup.mjs';

/** The requests as one string for the writer thread; `unpackRequests` gives them back equal. */
export declare const packRequests: (requests: readonly WireRequest[]) => string;
export declare const unpackRequests: (packed: string) => WireRequest[];
