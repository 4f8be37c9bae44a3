// Recompute the whole hash chain from the store, page by page.
import { ChainVerifier, type ChainCheck } from '../store/hashChain';
import { readAllPaged, type EventStore } from '../store/port';

export const verifyLog = async (store: EventStore, onProgress?: (count: number) => void): Promise<ChainCheck> => {
  const v = new ChainVerifier();
  for await (const page of readAllPaged(store, 0, 20_000)) {
    for (const e of page) if (!v.push(e)) return v.result();
    onProgress?.(v.result().count);
  }
  return v.result();
};
