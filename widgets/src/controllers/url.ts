// API URLs: the base (any trailing slash dropped), the path, and the query's non-empty values.

export type Query = Record<string, string | number | null | undefined>;

export const apiUrl = (api: string, path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${api.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
};
