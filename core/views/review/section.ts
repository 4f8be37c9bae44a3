// A review is a list of sections, each a pure function of the ReviewContext. A section whose read
// model is not in this build says so (`absent`) instead of inventing figures; the review shows it
// as null with the note. New areas join the review by adding a section to sections.ts.
import type { ReviewContext } from './context';

export interface Absent {
  readonly absent: true;
  readonly note: string;
}

export const absent = (note: string): Absent => ({ absent: true, note });

export const isAbsent = (v: unknown): v is Absent => typeof v === 'object' && v !== null && (v as Absent).absent === true;

export interface ReviewSection {
  /** the key of the review answer this section fills */
  readonly key: string;
  readonly build: (ctx: ReviewContext) => unknown;
}

export const defineSection = (key: string, build: (ctx: ReviewContext) => unknown): ReviewSection => ({ key, build });
