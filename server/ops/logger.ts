// The server's one logger: JSON lines on stdout (pino), at LOG_LEVEL. Lines are written
// asynchronously (lines that arrive while a write is under way go out together in the next), so a
// request does not wait for the terminal or the log shipper; pino writes what is left when the
// process exits.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const isLogLevel = (s: string): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s);

/** `destination` is for tests that read the lines back; by default stdout, written asynchronously. */
export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  pino(
    // time in epoch milliseconds (pino's own, the cheapest: an ISO string costs about as much again as the rest of a line)
    { level, base: { pid: process.pid }, formatters: { level: (label) => ({ level: label }) } },
    destination ?? (level === 'silent' ? undefined : pino.destination({ dest: 1, sync: false })),
  );
