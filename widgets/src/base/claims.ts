// What the token says about its bearer, read without verifying (the server verifies):
// enough to highlight "me" and to offer a rep the dispute action on their own statement.
import { isRecord, str } from '../guards';

export interface Claims {
  sub?: string;
  role?: string;
  team?: string;
}

export const claimsOf = (token: string | undefined): Claims => {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    // atob takes base64 without its padding (forgiving-base64), as a JWT writes it
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isRecord(json) ? { sub: str(json.sub), role: str(json.role), team: str(json.team) } : {};
  } catch {
    return {};
  }
};
