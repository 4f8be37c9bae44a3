import type { WireRequest } from './sqliteGroup.mjs';
import type { ExpectedRevision } from './port';

/** The requests as one string for the writer thread; `unpackRequests` gives them back equal. */
export declare const packRequests: (requests: readonly WireRequest[]) => string;
export declare const packedHead: (streamJson: string, expected: ExpectedRevision, key: string | undefined, digest: string | undefined, count: number) => string;
export declare const packedEvent: (typeJson: string, occurredAtJson: string, recordedAtJson: string, data: string, meta: string) => string;
export declare const unpackRequests: (packed: string) => WireRequest[];
