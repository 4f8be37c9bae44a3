/** The recordedAt to seal an event with, given the recordedAt of the event before it (undefined for the first): never earlier than that one. */
export declare const recordedNoEarlier: (recordedAt: string, before: string | undefined) => string;
