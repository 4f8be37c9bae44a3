// The authorization matrix, as data, in one place: for every route (the ROUTES table of
// openapi.ts) and every command (the catalog's CommandSpecs), which roles may call it and whose
// data each role reaches. The route guard enforces it; the README and the tests read it.
import { commandSpecs } from '../../../core/catalog';
import { ROLES, type CommandSpec, type Role } from '../../../core/shared/command';
import { ROUTES, type RouteDoc } from '../openapi';

/** Whose data a role reaches through a route or a command. */
export type RouteScope = 'own-rep' | 'own-team' | 'all';
export type Access = RouteScope | 'denied';

/**
 * Where a request names whose data it asks for, so the guard can check the scope before the
 * handler runs. `rep`: a repId; `team`: a teamId; `owner`: `company` | `team:ID` | `rep:ID`.
 */
export interface OwnerRef {
  readonly in: 'path' | 'query';
  readonly name: string;
  readonly kind: 'rep' | 'team' | 'owner';
}

/** A role a route admits but whose scope the route does not declare reaches this much. */
export const DEFAULT_SCOPE: Readonly<Record<Role, RouteScope>> = { admin: 'all', manager: 'own-team', rep: 'own-rep', viewer: 'all' };

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export const routeDocOf = (method: string, path: string): RouteDoc | undefined => {
  const m = method.toLowerCase();
  return ROUTES.find((r) => r.method === m && r.path === path);
};

export const routeAccess = (doc: RouteDoc, role: Role): Access => {
  if (doc.roles === 'public') return 'all';
  if (!doc.roles.includes(role)) return 'denied';
  return doc.scope?.[role] ?? DEFAULT_SCOPE[role];
};

/**
 * A command's scope function narrows managers to their own teams and reps to their own data;
 * without one, the engine lets a manager act company-wide and refuses reps. Viewers never write.
 */
export const commandAccess = (spec: CommandSpec, role: Role): Access => {
  if (role === 'viewer' || !spec.roles.includes(role)) return 'denied';
  if (role === 'admin') return 'all';
  if (role === 'manager') return spec.scope ? 'own-team' : 'all';
  return spec.scope ? 'own-rep' : 'denied';
};

export interface MatrixRow {
  readonly kind: 'route' | 'command';
  /** `GET /api/goals/:goalId` or the command type */
  readonly name: string;
  readonly access: Readonly<Record<Role, Access>>;
  readonly owner?: readonly OwnerRef[];
}

const accessByRole = (f: (role: Role) => Access) => Object.fromEntries(ROLES.map((r) => [r, f(r)])) as Record<Role, Access>;

/** Every route and command with each role's access, read at call time (route modules register late). */
export const authorizationMatrix = (): MatrixRow[] => [
  ...ROUTES.map((doc) => ({ kind: 'route' as const, name: routeKey(doc.method, doc.path), access: accessByRole((r) => routeAccess(doc, r)), ...(doc.owner ? { owner: doc.owner } : {}) })),
  ...commandSpecs.map((spec) => ({ kind: 'command' as const, name: spec.type, access: accessByRole((r) => commandAccess(spec, r)) })),
];
