// Team and rep stream states.
import type { Scope } from '../shared/command';
import { type DecideContext, type FoldedEvent, streamKind } from '../shared/decider';
import { notFound, ruleBroken, type Problem } from '../shared/problem';
import { type TeamEvent, teamEventCodecs } from './events';

export type TeamState = { status: 'none' } | { status: 'active'; teamId: string; name: string; managerId: string | null };
/** A removed rep stays `active` in name (its history stays); `creditUntil` ends the sales it may be credited with. */
export type RepState = { status: 'none' } | { status: 'active'; repId: string; name: string; teamId: string; joinedAt: string; leftAt?: string; creditUntil?: string };

export type ColleagueState = { status: 'none' } | { status: 'active'; colleagueId: string; name: string; department: string };

export const initialTeam = (): TeamState => ({ status: 'none' });
export const initialRep = (): RepState => ({ status: 'none' });

export const evolveTeam = (s: TeamState, e: FoldedEvent<TeamEvent>): TeamState => {
  switch (e.type) {
    case 'TeamCreated':
      return { status: 'active', teamId: e.data.teamId, name: e.data.name, managerId: e.data.managerId };
    case 'TeamRenamed':
      return s.status === 'active' ? { ...s, name: e.data.name } : s;
    default:
      return s;
  }
};

export const evolveRep = (s: RepState, e: FoldedEvent<TeamEvent>): RepState => {
  switch (e.type) {
    case 'RepAdded':
      return { status: 'active', repId: e.data.repId, name: e.data.name, teamId: e.data.teamId, joinedAt: e.data.joinedAt };
    case 'RepMoved':
      return s.status === 'active' ? { ...s, teamId: e.data.toTeamId } : s;
    case 'RepRemoved':
      return s.status === 'active' ? { ...s, leftAt: e.data.leftAt, creditUntil: e.data.creditUntil } : s;
    default:
      return s;
  }
};

const evolveColleague = (s: ColleagueState, e: FoldedEvent<TeamEvent>): ColleagueState =>
  e.type === 'ColleagueAdded' ? { status: 'active', colleagueId: e.data.colleagueId, name: e.data.name, department: e.data.department } : s;

export const colleagueStream = streamKind('tally-colleague-', (): ColleagueState => ({ status: 'none' }), evolveColleague, teamEventCodecs);
export const teamStream = streamKind('tally-team-', initialTeam, evolveTeam, teamEventCodecs);
export const repStream = streamKind('tally-rep-', initialRep, evolveRep, teamEventCodecs);

/** The team a rep belongs to now, for scope checks; undefined for an unknown rep. */
export const teamOfRep = (rep: RepState): string | undefined => (rep.status === 'active' ? rep.teamId : undefined);

/**
 * 422 naming `path` when a sale at `occurredAt` would credit a rep after it left; undefined
 * otherwise. Every command that credits a rep asks this.
 */
export const creditAfterLeaving = (rep: RepState, occurredAt: string, path: string): Problem | undefined => {
  if (rep.status !== 'active' || rep.creditUntil === undefined || Date.parse(occurredAt) < Date.parse(rep.creditUntil)) return undefined;
  const detail = `rep '${rep.repId}' left at ${rep.leftAt}: a sale at ${occurredAt} cannot be credited to them`;
  return { ...ruleBroken('rep-removed', detail), errors: [{ path: `data.${path}`, message: `left at ${rep.leftAt}` }] };
};

/**
 * 422 naming `data.<path>` when work would go to a rep who has left; undefined for a rep still
 * here, or unknown (the caller says not-found). Without `at`, any new work (a deal, a customer to
 * own, an action item, a goal) is refused once the rep's removal is recorded; with `at`, the
 * business time of a recorded fact (a contact, an attendance), only a fact dated from the instant
 * the rep may no longer be credited: their past stays recordable, as with sales.
 */
export const repHasLeft = (rep: RepState, path: string, at?: string): Problem | undefined => {
  if (rep.status !== 'active' || rep.leftAt === undefined) return undefined;
  if (at !== undefined && rep.creditUntil !== undefined && Date.parse(at) < Date.parse(rep.creditUntil)) return undefined;
  return { ...ruleBroken('rep-removed', `rep '${rep.repId}' left at ${rep.leftAt}`), errors: [{ path: `data.${path}`, message: `left at ${rep.leftAt}` }] };
};

/**
 * 404 for the first rep or team named that does not exist: a plan or contest naming an id nobody
 * has yet would apply to whoever later gets it.
 */
export const unknownRepOrTeam = (ctx: Pick<DecideContext, 'state'>, reps: readonly string[] = [], teams: readonly string[] = []): Problem | undefined => {
  const rep = reps.find((r) => ctx.state(repStream, r).status === 'none');
  if (rep !== undefined) return notFound('rep', rep);
  const team = teams.find((t) => ctx.state(teamStream, t).status === 'none');
  return team !== undefined ? notFound('team', team) : undefined;
};

/** The scope of a manager's command about these reps: only the reps' teams count. */
export const repTeamsScope = (ctx: Pick<DecideContext, 'state'>, repIds: readonly string[]): Scope => ({
  teams: repIds.map((r) => teamOfRep(ctx.state(repStream, r))),
});

/** The scope of a command on these reps' data: a rep may act for itself, a manager for its team. */
export const repScope = (ctx: Pick<DecideContext, 'state'>, repIds: readonly string[]): Scope => ({ reps: repIds, ...repTeamsScope(ctx, repIds) });
