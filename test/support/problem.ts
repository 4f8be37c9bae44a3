// Asserting an RFC 9457 refusal: its status, its media type and its problem `type` URI, which
// clients branch on (`/problems/forbidden`, `/problems/rule/refund-exceeds-order` …).
import { expect } from 'vitest';

export interface ProblemJson {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { path: string; message: string }[];
  readonly rule?: string;
}

export const expectProblem = async (r: Response, status: number, type: string): Promise<ProblemJson> => {
  const body = await r.text();
  expect(r.status, body).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  const p = JSON.parse(body) as ProblemJson;
  expect([p.type, p.status]).toEqual([type, status]);
  return p;
};
