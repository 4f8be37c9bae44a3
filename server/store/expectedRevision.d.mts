import type { ExpectedRevision } from './port';

/** `actual` is the stream's last revision, -1 when it has no events. */
export declare const checkExpected: (expected: ExpectedRevision, actual: number) => boolean;
