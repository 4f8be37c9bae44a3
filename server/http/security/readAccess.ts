// What each role may read (SPEC §5a), as one function: mayRead(reader, class, about). Every datum
// an answer holds has a data class and is about some reps, teams or customers; the redaction of
// answers (redact.ts) and of stream messages ask this function and nothing else.
import { directoryProjection } from '../../../core/teams/readModels/directory';
import type { World } from '../../../core/fold/world';
import type { Role } from '../../../core/shared/command';
import type { Actor } from '../../engine/actor';
import type { AlertKind } from '../../../core/alerts/commands';

/** The rows of §5a's table, in its order. */
export type DataClass =
  /** rep and team names; leaderboard values; goal targets, actuals, pace */
  | 'public'
  /** team KPIs, plan budget against actual, milestones; titles, dates and status of meetings, lessons, action items */
  | 'teamWork'
  /** what is said in meetings and about action items: notes, decisions, outcomes (teamWork, but not for embeds) */
  | 'notes'
  /** a rep's attainment and growth */
  | 'performance'
  /** payouts, statements, disputes, appraisals, scorecard scores, ratings */
  | 'pay'
  /** customers (ids, names, contacts, feedback text), deals (titles, amounts), orders */
  | 'customer'
  /** raw events: the event lists of an answer, stream names on /api/stream */
  | 'events';

/** The class of the data each kind of alert is about: a goal's is the goal's, an appraisal's pay, and so on. */
const ALERT_CLASS: Readonly<Record<AlertKind, DataClass>> = {
  'goal-at-risk': 'public',
  'goal-behind': 'public',
  'milestone-overdue': 'teamWork',
  'action-item-overdue': 'teamWork',
  'deal-overdue': 'customer',
  'care-due': 'customer',
  'appraisal-pending': 'pay',
};

/** An alert is as visible as what it is about (SPEC §5a); a kind not listed is read as pay, the narrowest. */
export const alertClass = (kind: string): DataClass => ALERT_CLASS[kind as AlertKind] ?? 'pay';

/** Whom a datum is about. Nothing named: company-wide. `unresolved`: it names someone Tally could not place. */
export interface About {
  readonly reps?: readonly string[];
  readonly teams?: readonly string[];
  readonly customers?: readonly string[];
  readonly unresolved?: boolean;
}

export interface Reader {
  readonly actor: Actor;
  /** a manager's team, a rep's own team */
  readonly team: string | undefined;
  readonly teamOfRep: (repId: string) => string | undefined;
  readonly ownerOfCustomer: (customerId: string) => string | undefined;
}

/** The reader of a request: team membership and customer ownership as they are now (the live World). */
export const readerFor = (actor: Actor, live: World): Reader => {
  const dir = live.get(directoryProjection);
  const teamOfRep = (repId: string) => dir.reps.get(repId)?.teamId;
  return {
    actor,
    team: actor.role === 'manager' ? actor.team : actor.role === 'rep' ? teamOfRep(actor.sub) : undefined,
    teamOfRep,
    ownerOfCustomer: (customerId) => dir.customers.get(customerId)?.ownerRepId,
  };
};

/** How far a role reads a class: everything, nothing, or data about whom it names. */
type Reach = 'all' | 'none' | 'team-or-company' | 'team' | 'self' | 'self-or-own-customers';

/** §5a's table, class by class (an admin reads everything). */
const TABLE: Readonly<Record<DataClass, Readonly<Record<Exclude<Role, 'admin'>, Reach>>>> = {
  public: { manager: 'all', rep: 'all', viewer: 'all' },
  teamWork: { manager: 'team-or-company', rep: 'team-or-company', viewer: 'all' },
  notes: { manager: 'team-or-company', rep: 'team', viewer: 'none' },
  performance: { manager: 'team', rep: 'self', viewer: 'none' },
  pay: { manager: 'team', rep: 'self', viewer: 'none' },
  customer: { manager: 'team', rep: 'self-or-own-customers', viewer: 'none' },
  events: { manager: 'team-or-company', rep: 'none', viewer: 'none' },
};

/** Roles that read every class wholly or not at all, whoever they are: what they may read names nobody. */
const SUBJECTLESS = new Set((Object.keys(TABLE.public) as Exclude<Role, 'admin'>[]).filter((role) => Object.values(TABLE).every((row) => row[role] === 'all' || row[role] === 'none')));

/**
 * Callers with the same key may read exactly the same data, so they may share an answer (the answer
 * cache): an admin reads everything and a viewer (by §5a) the same for every viewer, whoever it is;
 * a manager's or a rep's reach depends on its team and itself, so its key names both.
 */
export const readerKey = (actor: Actor): string =>
  actor.role === 'admin' || SUBJECTLESS.has(actor.role) ? actor.role : `${actor.role}\u0000${actor.team ?? ''}\u0000${actor.sub}`;

const companyWide = (a: About) => !a.unresolved && !a.reps?.length && !a.teams?.length && !a.customers?.length;

/** Is any rep, team or customer the datum is about in the reader's team (a customer by its owner rep)? */
const inTeam = (r: Reader, a: About): boolean => {
  const team = r.team;
  if (team === undefined) return false;
  return (
    !!a.teams?.includes(team) ||
    !!a.reps?.some((rep) => r.teamOfRep(rep) === team) ||
    !!a.customers?.some((c) => {
      const owner = r.ownerOfCustomer(c);
      return owner !== undefined && r.teamOfRep(owner) === team;
    })
  );
};

const isSelf = (r: Reader, a: About) => !!a.reps?.includes(r.actor.sub);
const ownsCustomer = (r: Reader, a: About) => !!a.customers?.some((c) => r.ownerOfCustomer(c) === r.actor.sub);

/**
 * May this reader read a datum of this class about these subjects (§5a)? A restricted datum that
 * names nobody is the company's, which team work and raw events may be; a rep's, pay or customer
 * datum must name whose it is. `whom` may be a function: it is asked only when the answer depends on it.
 */
export const mayRead = (r: Reader, cls: DataClass, whom: About | (() => About) = {}): boolean => {
  if (r.actor.role === 'admin') return true;
  const reach = TABLE[cls][r.actor.role];
  if (reach === 'all' || reach === 'none') return reach === 'all';
  const about = typeof whom === 'function' ? whom() : whom;
  switch (reach) {
    case 'team-or-company':
      return companyWide(about) || inTeam(r, about);
    case 'team':
      return inTeam(r, about);
    case 'self':
      return isSelf(r, about);
    case 'self-or-own-customers':
      return isSelf(r, about) || ownsCustomer(r, about);
  }
};
