// Refusals are values: every decider and decoder returns a Problem instead of throwing.
// The shell maps `kind` to an HTTP status and renders RFC 9457 problem+json.

export type ProblemKind = 'invalid' | 'rule' | 'notFound' | 'conflict' | 'forbidden';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly kind: ProblemKind;
  readonly title: string;
  readonly detail: string;
  /** The rule that refused a command, in words a sales manager understands (kind `rule`). */
  readonly rule?: string;
  readonly errors?: readonly FieldError[];
}

export const invalid = (detail: string, errors: readonly FieldError[] = []): Problem => ({
  kind: 'invalid',
  title: 'Invalid input',
  detail,
  errors,
});

export const invalidField = (path: string, message: string): Problem =>
  invalid(`${path}: ${message}`, [{ path, message }]);

export const ruleBroken = (rule: string, detail: string): Problem => ({
  kind: 'rule',
  title: 'Business rule refused the command',
  detail,
  rule,
});

export const notFound = (what: string, id: string): Problem => ({
  kind: 'notFound',
  title: 'Not found',
  detail: `unknown ${what} '${id}'`,
});

export const conflict = (detail: string): Problem => ({ kind: 'conflict', title: 'Conflict', detail });

export const forbidden = (detail: string): Problem => ({ kind: 'forbidden', title: 'Forbidden', detail });
