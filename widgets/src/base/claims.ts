// What the token says about its bearer, read without verifying (the server verifies):
// enough to highlight "me" and to offer a rep the dispute action on their own statement.

export interface Claims {
  sub?: string;
  role?: string;
  team?: string;
}

export const claimsOf = (token: string | undefined): Claims => {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof json !== 'object' || json === null) return {};
    const { sub, role, team } = json as Record<string, unknown>;
    return {
      sub: typeof sub === 'string' ? sub : undefined,
      role: typeof role === 'string' ? role : undefined,
      team: typeof team === 'string' ? team : undefined,
    };
  } catch {
    return {};
  }
};
