// Bearer tokens: HS256 JWTs with exp required, nbf honoured, the algorithm pinned and clock skew
// bounded. Short-lived read-only stream tokens travel in the query string, because a browser's
// EventSource cannot send headers.
import { createHash, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '../../core/shared/command';
import { ID_PATTERN } from '../../core/shared/codec';
import { isRevoked, revokedBefore } from '../../core/access/readModels/revocations';
import type { World } from '../../core/fold/world';
import { subjectProblem } from './subject';
import type { Actor } from '../engine/actor';
import { HttpProblem } from './problem';

export const CLOCK_SKEW_SECONDS = 30;
export const STREAM_TOKEN_TTL_SECONDS = 300;
/** The longest a token may live unless TALLY_TOKEN_MAX_TTL says otherwise: 30 days. */
export const DEFAULT_TOKEN_MAX_TTL_SECONDS = 30 * 86_400;

// Importing the secret once per process, not per request, makes verification several times cheaper.
const keys = new Map<string, Promise<CryptoKey>>();
const keyOf = (secret: string): Promise<CryptoKey> => {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
};

export interface MintOptions {
  readonly sub: string;
  readonly role: Role;
  readonly team?: string;
  readonly ttlSeconds: number;
  /** 'stream': only good for GET /api/stream */
  readonly scope?: 'stream';
  /** for a stream token: the fingerprint of the token that minted it, whose caps it spends */
  readonly mintedBy?: string;
  readonly now?: Date;
}

export const mintToken = async (secret: string, o: MintOptions): Promise<string> => {
  const iat = Math.floor((o.now ?? new Date()).getTime() / 1000);
  const claims: Record<string, unknown> = { role: o.role };
  if (o.team) claims.team = o.team;
  // a stream token is unique, so per-token stream caps count one client, not everyone who minted in the same second
  if (o.scope) Object.assign(claims, { scope: o.scope, jti: randomUUID() });
  if (o.mintedBy) claims.mintedBy = o.mintedBy;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(o.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + o.ttlSeconds)
    .sign(await keyOf(secret));
};

export interface VerifiedToken {
  readonly actor: Actor;
  readonly scope?: string;
  readonly exp: number;
  readonly iat?: number;
  /** see MintOptions.mintedBy */
  readonly mintedBy?: string;
}

/** A 401; sendProblem adds the WWW-Authenticate challenge every 401 carries. */
export const unauthorized = (detail: string) => HttpProblem.of(401, 'Unauthorized', detail);

/** Names a token without revealing it (for caps counted per token, and for the tokens it mints). */
export const tokenFingerprint = (token: string): string => createHash('sha256').update(token).digest('base64url');

// A token's signature and claims never change, so each token is verified once; a later use checks
// only its time window again (jose's rule: nbf ≤ now + skew, exp > now − skew) and falls back to the
// full verification outside it, which refuses it with the same problem as before. Saves an HMAC
// job on the thread pool per request: about a sixth of a small GET's cost.
const verifiedTokens = new Map<string, Map<string, { readonly verified: VerifiedToken; readonly nbf?: number }>>();
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * A token's checks, all in one place: signature and claims (once per token), its time window and
 * lifetime, and — given the live World — whether an admin has since revoked it (asked on every use).
 */
export const verifyToken = async (secret: string, token: string, now: Date = new Date(), maxTtlSeconds = DEFAULT_TOKEN_MAX_TTL_SECONDS, world?: World): Promise<VerifiedToken> => {
  let bySecret = verifiedTokens.get(secret);
  if (!bySecret) verifiedTokens.set(secret, (bySecret = new Map()));
  const seconds = Math.floor(now.getTime() / 1000);
  const hit = bySecret.get(token);
  if (hit && inWindow(hit, seconds)) return notRevoked(withinLifetime(hit.verified, seconds, maxTtlSeconds), world);
  const checked = await verifySignedToken(secret, token, now);
  if (bySecret.size >= VERIFIED_TOKENS_KEPT) bySecret.clear();
  bySecret.set(token, checked);
  return notRevoked(withinLifetime(checked.verified, seconds, maxTtlSeconds), world);
};

const notRevoked = (v: VerifiedToken, world: World | undefined): VerifiedToken => {
  if (world && revokedToken(world, v)) throw revokedProblem(world, v);
  return v;
};

/**
 * Is a verified token one an admin has since revoked (RevokeTokens)? Asked of the live World on
 * every use, never cached with the token: a revocation holds from the moment it is folded.
 */
export const revokedToken = (world: World, v: VerifiedToken): boolean => isRevoked(world, v.actor.sub, v.iat);

/** The 401 for a revoked token, naming the cut-off. */
const revokedProblem = (world: World, v: VerifiedToken) =>
  unauthorized(`the token was revoked: tokens of its subject issued before ${new Date(revokedBefore(world, v.actor.sub) ?? 0).toISOString()} are refused; ask for a new one`);

const inWindow = (hit: { readonly verified: VerifiedToken; readonly nbf?: number }, seconds: number): boolean =>
  hit.verified.exp > seconds - CLOCK_SKEW_SECONDS && (hit.nbf === undefined || hit.nbf <= seconds + CLOCK_SKEW_SECONDS);

/**
 * A token verified before and still good now, without waiting for anything (the cached-read fast
 * path): undefined when it was never verified, is outside its time window or lives too long —
 * then verifyToken decides, and refuses it with its problem.
 */
export const knownToken = (secret: string, token: string, nowMs: number, maxTtlSeconds: number, world?: World): VerifiedToken | undefined => {
  const hit = verifiedTokens.get(secret)?.get(token);
  const seconds = Math.floor(nowMs / 1000);
  if (!hit || !inWindow(hit, seconds)) return undefined;
  return livesTooLong(hit.verified, seconds, maxTtlSeconds) || (world && revokedToken(world, hit.verified)) ? undefined : hit.verified;
};

/**
 * A token may live at most maxTtl: from its iat to its exp, and from now to its exp (allowing the
 * clock skew, since another clock may have minted it). A token without iat is judged from now.
 * Checked on every use, not cached, as the maximum is a setting of the server, not of the token.
 */
const livesTooLong = (v: VerifiedToken, nowSeconds: number, maxTtl: number): boolean =>
  (v.iat !== undefined && v.exp - v.iat > maxTtl) || v.exp - nowSeconds > maxTtl + CLOCK_SKEW_SECONDS;

const withinLifetime = (v: VerifiedToken, nowSeconds: number, maxTtl: number): VerifiedToken => {
  if (livesTooLong(v, nowSeconds, maxTtl)) throw unauthorized(`the token lives longer than the ${maxTtl} s a token may live here (TALLY_TOKEN_MAX_TTL)`);
  return v;
};

const verifySignedToken = async (secret: string, token: string, now: Date): Promise<{ verified: VerifiedToken; nbf?: number }> => {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw unauthorized('the token has expired');
    if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthorized(`the token is not valid: ${e.message}`);
    throw unauthorized('the token is malformed or its signature is wrong');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw unauthorized('the token has no known role');
  const badSubject = subjectProblem(role, payload.sub);
  if (badSubject) throw unauthorized(badSubject);
  if (payload.team !== undefined && (typeof payload.team !== 'string' || !ID_PATTERN.test(payload.team))) throw unauthorized('the token team is not an id');
  const team = payload.team as string | undefined;
  if (role === 'manager' && !team) throw unauthorized('a manager token must name its team');
  return {
    verified: {
      actor: { sub: payload.sub as string, role: role as Role, team },
      scope: typeof payload.scope === 'string' ? payload.scope : undefined,
      exp: payload.exp!,
      iat: payload.iat,
      ...(typeof payload.mintedBy === 'string' ? { mintedBy: payload.mintedBy } : {}),
    },
    nbf: payload.nbf,
  };
};

export const bearerOf = (header: string | undefined): string | undefined => {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
};

/** "1h", "30m", "7d", "900s" or plain seconds. */
export const parseTtl = (s: string): number | undefined => {
  const m = /^(\d+)\s*([smhd]?)$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return n > 0 ? n * unit : undefined;
};
