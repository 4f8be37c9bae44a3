// Every GET answer under /api passes through redact() before it is serialised, so no route — and
// no route added later — can hand a caller a datum of a class its role may not read (SPEC §5a).
// Each row of an answer is classified by what it is (an event, an appraisal, an order…) and each
// restricted field by the row it sits in; mayRead (readAccess.ts) decides. A row the caller may not
// read leaves its list (or becomes null); a field it may not read becomes null — never 0.
import type { Context, MiddlewareHandler } from 'hono';
import type { World } from '../../../core/fold/world';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { aboutOfEvent, aboutOfRow, namesAnyone } from './about';
import { alertClass, mayRead, readerFor, type About, type DataClass, type Reader } from './readAccess';

type Row = Record<string, unknown>;
const has = (o: Row, k: string) => o[k] !== undefined;

/** A raw event, whole or as an answer cites it (position, type, stream, data). */
const isEvent = (o: Row) => typeof o.position === 'number' && typeof o.type === 'string' && typeof o.stream === 'string' && 'data' in o;

/** The class of a row as a whole, if it is a restricted record; `key` is the field that holds it. */
const rowClass = (o: Row, key: string | undefined): DataClass | undefined => {
  // an alert (GET /api/alerts, a review's alerts) is as visible as what it is about
  if (has(o, 'alertId') && typeof o.kind === 'string') return alertClass(o.kind);
  // a scorecard row ({ repId, score, kpis: [{ actual, target, points }] }) is nothing but the rep's score,
  // and rows come sorted by it: the whole row is pay data, or the order would tell the scores
  if (has(o, 'appraisalId') || has(o, 'disputeId') || has(o, 'statementHash') || (has(o, 'repId') && has(o, 'score') && Array.isArray(o.kpis))) return 'pay';
  if (has(o, 'customerId') || has(o, 'dealId') || has(o, 'orderId') || has(o, 'feedbackId') || has(o, 'contactId')) return 'customer';
  // a review's contributors: `customers: [{ key: customerId, value, … }]`
  if (key === 'customers' && typeof o.key === 'string') return 'customer';
  return undefined;
};

/** The class of one field of a row that is otherwise readable. */
const fieldClass = (o: Row, k: string): DataClass | undefined => {
  switch (k) {
    case 'attainment':
    case 'growth':
    case 'growthNote':
      // a rep's ranking figures (and why its growth is null, which tells of its base); a goal's attainment is its public actual over its public target
      return has(o, 'repId') && !has(o, 'goalId') ? 'performance' : undefined;
    case 'notes':
    case 'decisions':
      return has(o, 'meetingId') ? 'notes' : undefined;
    case 'outcome':
      return has(o, 'actionId') ? 'notes' : undefined;
  }
  return undefined;
};

const DROPPED = Symbol('dropped');

class Redaction {
  constructor(
    private readonly reader: Reader,
    private readonly world: World,
  ) {}

  value(v: unknown, key: string | undefined, inherited: () => About): unknown {
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) {
        const r = this.value(item, key, inherited);
        if (r !== DROPPED) out.push(r);
      }
      return out;
    }
    if (typeof v !== 'object' || v === null) return v;
    return this.row(v as Row, key, inherited);
  }

  private row(o: Row, key: string | undefined, inherited: () => About): unknown {
    if (isEvent(o)) return mayRead(this.reader, 'events', () => aboutOfEvent(o, this.world)) ? o : DROPPED;
    let own: About | undefined;
    // a row that names nobody is about what the row holding it is about (a statement's lines, its rep)
    const about = (): About => (own ??= ((a) => (namesAnyone(a) ? a : inherited()))(key === 'customers' && typeof o.key === 'string' && !has(o, 'customerId') ? { customers: [o.key] } : aboutOfRow(o)));
    const cls = rowClass(o, key);
    if (cls && !mayRead(this.reader, cls, about)) return DROPPED;
    const out: Row = {};
    for (const k of Object.keys(o)) {
      const field = fieldClass(o, k);
      if (field && o[k] !== null && !mayRead(this.reader, field, about)) out[k] = null;
      else {
        const r = this.value(o[k], k, about);
        out[k] = r === DROPPED ? null : r;
      }
    }
    return out;
  }
}

const NOBODY = (): About => ({});

/** The answer as this reader may see it; 403 when the answer as a whole is a record it may not read. */
export const redact = (reader: Reader, world: World, body: unknown): unknown => {
  if (reader.actor.role === 'admin') return body;
  const out = new Redaction(reader, world).value(body, undefined, NOBODY);
  if (out === DROPPED) throw HttpProblem.of(403, 'Forbidden', `a ${reader.actor.role} may not read this record`);
  return out;
};

/**
 * On every GET: whatever a route answers with c.json is redacted for the caller first. Routes keep
 * narrowing their own lists (and refusing foreign subjects) as before; this is the one place that
 * decides, datum by datum, what the answer may still hold.
 */
export const redactAnswers = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor');
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !actor || actor.role === 'admin') return next();
  const json = c.json;
  c.json = ((body: unknown, ...rest: unknown[]) => (json as (...a: unknown[]) => Response)(redactedFor(c, deps, body), ...rest)) as typeof c.json;
  return next();
};

/**
 * An answer as the caller may read it, for a route that sends it other than as JSON (a workbook):
 * the same redaction c.json applies, so a datum redacted is redacted in every form. Its shape is
 * the answer's own, with what the caller may not read left out or null.
 */
export const redactedFor = <T>(c: Context<AppEnv>, deps: AppDeps, body: T): T => {
  const actor = c.get('actor');
  if (!actor || actor.role === 'admin') return body;
  return redact(readerFor(actor, deps.projections.world), deps.projections.world, body) as T;
};
