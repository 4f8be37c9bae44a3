// Business time a fact may carry: a fact cannot have happened later than now plus a small
// tolerance (clocks and time zones disagree a little). Every command's `occurredAt` is the
// business time of a fact (SPEC §1), so one check serves them all; due dates, training dates,
// contest windows and plan periods are about the future and are not facts.
import type { DecideTime } from './decider';
import { ruleBroken, type Problem } from './problem';

const DAY_MS = 86_400_000;

/** The tolerance in words: `1 day`, `12 hours`, `90 minutes`. */
const inWords = (ms: number): string => {
  const [n, unit] = ms % DAY_MS === 0 ? [ms / DAY_MS, 'day'] : ms % 3_600_000 === 0 ? [ms / 3_600_000, 'hour'] : ms % 60_000 === 0 ? [ms / 60_000, 'minute'] : [ms / 1000, 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
};

/** 422 naming `path` when the instant lies more than the tolerance after now; undefined otherwise. */
export const futureFact = (instant: string | undefined, path: string, time: DecideTime | undefined): Problem | undefined => {
  if (instant === undefined || time === undefined) return undefined;
  const latest = Date.parse(time.now) + time.futureToleranceMs;
  if (Date.parse(instant) <= latest) return undefined;
  const detail = `${path} ${instant} is in the future: a fact can be recorded at most ${inWords(time.futureToleranceMs)} ahead of now (${time.now}); record it when it has happened`;
  return { ...ruleBroken('occurred-in-future', detail), errors: [{ path: `data.${path}`, message: detail }] };
};

/** The business-time check of any command: its `occurredAt`, when it carries one. */
export const commandInFuture = (command: unknown, time: DecideTime | undefined): Problem | undefined => {
  const at = typeof command === 'object' && command !== null ? (command as { occurredAt?: unknown }).occurredAt : undefined;
  return typeof at === 'string' ? futureFact(at, 'occurredAt', time) : undefined;
};
