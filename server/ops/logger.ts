// The server's one logger: JSON lines on stdout (pino), at LOG_LEVEL. Lines are written
// asynchronously (lines that arrive while a write is under way go out together in the next), so a
// request does not wait for the terminal or the log shipper; pino writes what is left when the
// process exits.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const isLogLevel = (s: string): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s);

/** pino's own asynchronous stdout stream (sonic-boom). */
type StdoutStream = ReturnType<typeof pino.destination>;

/** Where each logger made here writes, for infoLineWriter, and whether that is its own stdout stream. */
const streams = new WeakMap<Logger, { readonly stream: DestinationStream; readonly stdout: boolean }>();

/** `destination` is for tests that read the lines back; by default stdout, written asynchronously. */
export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger => {
  const stream = destination ?? (level === 'silent' ? undefined : pino.destination({ dest: 1, sync: false }));
  const log = pino(
    // time in epoch milliseconds (pino's own, the cheapest: an ISO string costs about as much again as the rest of a line)
    { level, base: { pid: process.pid }, formatters: { level: (label) => ({ level: label }) } },
    stream,
  );
  if (stream) streams.set(log, { stream, stdout: !destination });
  return log;
};

/**
 * For a line written on every request (the access log): writes an info line whose fields are
 * given as JSON text (`"a":1,"b":"x"`), byte for byte as `log.info(fields, msg)` would write it,
 * without pino's walk over an object — a fifth of a cached read's CPU went to that line. Undefined
 * for a logger not made by createLogger (a child, another format): then use log.info.
 */
export const infoLineWriter = (log: Logger): ((fieldsJson: string, msg: string) => void) | undefined => {
  const to = streams.get(log);
  if (!to) return undefined;
  // pino's order: level, time, its bindings (base: the pid), the fields, the message
  const head = `{"level":"info","time":`;
  const bindings = `,"pid":${process.pid},`;
  const write = to.stdout ? batched(to.stream as StdoutStream) : (line: string) => void to.stream.write(line);
  // a logger's lines mostly say one message (the access log's 'request'): its JSON is kept
  let said = '';
  let saidJson = '""';
  return (fieldsJson, msg) => {
    if (msg !== said) saidJson = JSON.stringify((said = msg));
    write(`${head}${Date.now()}${bindings}${fieldsJson},"msg":${saidJson}}\n`);
  };
};

/** How many characters of lines, or how long, the access log holds before handing them to stdout's stream. */
const FLUSH_CHARS = 65_536;
const FLUSH_MS = 100;

/**
 * Lines handed to stdout's stream together, some 240 at a time (or what has come within 100 ms):
 * an asynchronous write costs the process some 200 µs of CPU on a busy machine (the thread pool
 * woken, the string converted) whatever its length, which made a write per turn of the event loop
 * a tenth of a cached read's CPU. What is pending when the process exits is written before it ends.
 */
const batched = (stream: StdoutStream): ((line: string) => void) => {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const lines = pending;
    pending = '';
    stream.write(lines);
  };
  process.once('exit', () => {
    flush();
    try {
      stream.flushSync();
    } catch {
      // not open yet or already closed: nothing more can be written
    }
  });
  return (line) => {
    pending += line;
    if (pending.length >= FLUSH_CHARS) flush();
    else timer ??= setTimeout(flush, FLUSH_MS).unref();
  };
};
