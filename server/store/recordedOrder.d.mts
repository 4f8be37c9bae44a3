/** The recordedAt to seal an event with, given the recordedAt of the event before it (undefined for the first): never earlier than that one. */
export declare const recordedNoEarlier: (recordedAt: string, before: string | undefined) => string;
/** An unsealed event as a store seals it after an event recorded at `before`: itself, or a copy recorded at `before`. */
export declare const asRecordedAfter: <E extends { readonly recordedAt: string }>(e: E, before: string | undefined) => E;
