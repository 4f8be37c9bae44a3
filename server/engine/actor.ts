// Who sends a command or asks a question: the verified claims of the caller's token.
import type { Role } from '../../core/shared/command';

export interface Actor {
  readonly sub: string;
  readonly role: Role;
  /** the manager's team */
  readonly team?: string;
}

export const SYSTEM_ACTOR: Actor = { sub: 'system', role: 'admin' };
