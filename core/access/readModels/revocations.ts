// Each subject's cut-off: its tokens issued before it are refused. The shell asks it on every
// authenticated request, of the live World (a revocation holds now, whatever moment a read is as of).
import { defineProjection } from '../../fold/projection';
import type { World } from '../../fold/world';
import { toMillis } from '../../shared/period';

export const revocationsProjection = defineProjection({
  name: 'tokenRevocations',
  types: ['TokensRevoked'],
  init: (): Map<string, number> => new Map(),
  // the runner hands a read model only its declared types, but the plain fold (the tests' oracle) hands it every event
  apply: (s, e) => (e.type === 'TokensRevoked' ? s.set(e.data.subject, toMillis(e.data.issuedBefore)) : s),
});

/** The moment before which a subject's tokens are refused, epoch ms; undefined when none are. */
export const revokedBefore = (world: World, subject: string): number | undefined => world.get(revocationsProjection).get(subject);

/**
 * Is a token of `subject` issued at `iat` (JWT seconds; undefined: the token does not say) refused?
 * A token's issue time is known to the second only, so a token issued in the second of the
 * cut-off is refused too: mint the replacement a second after revoking.
 */
export const isRevoked = (world: World, subject: string, iat: number | undefined): boolean => {
  const cutoff = revokedBefore(world, subject);
  return cutoff !== undefined && (iat === undefined || iat * 1000 < Math.ceil(cutoff / 1000) * 1000);
};
