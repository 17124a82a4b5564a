import { Request, Response } from 'express';

import { GrafanaState } from './state';

/** Classic handler error or success body: `{"message": "..."}`. */
export function sendMessage(res: Response, status: number, message: string): void {
  res.status(status).json({ message });
}

/** Typed (errutil) error body. */
export function sendTypedError(res: Response, status: number, message: string, messageId: string): void {
  res.status(status).json({ message, messageId, statusCode: status });
}

type FieldKind = 'int' | 'string' | 'bool';
type Bound<S extends Record<string, FieldKind>> = {
  [K in keyof S]: S[K] extends 'int' ? number : S[K] extends 'bool' ? boolean : string;
};
const ZERO = { int: 0, string: '', bool: false };

/**
 * Go's web.Bind into a struct: the body is JSON whatever the content type, an empty body gives zero values,
 * keys match case-insensitively, unknown keys are ignored and a value of the wrong type fails the whole bind.
 * Returns null where Grafana answers 400 "bad request data".
 */
export function bind<S extends Record<string, FieldKind>>(req: Request, schema: S): Bound<S> | null {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  let parsed: unknown = null;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    return null;
  }
  const body = (parsed ?? {}) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(schema)) {
    const key = name in body ? name : Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? null : body[key];
    if (value === null) {
      result[name] = ZERO[kind];
    } else if (isKind(value, kind)) {
      result[name] = value;
    } else {
      return null;
    }
  }
  return result as Bound<S>;
}

function isKind(value: unknown, kind: FieldKind): boolean {
  if (kind === 'int') {
    return typeof value === 'number' && Number.isSafeInteger(value);
  }
  return typeof value === (kind === 'bool' ? 'boolean' : 'string');
}

/** strconv.ParseInt on a path segment. */
export function parsePathInt(value: string | undefined): number | null {
  return value !== undefined && /^[+-]?\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * The `:id` of /api/users/:id and /api/admin/users/:id. Grafana 12 resolves a non-numeric value as a user uid
 * (unknown → 404 "User not found"); earlier versions answer 400 "id is invalid". Sends the error and returns null.
 */
export function userIdParam(req: Request, res: Response, state: GrafanaState, param = 'id'): number | null {
  const raw = req.params[param];
  const id = parsePathInt(raw);
  if (id !== null) {
    return id;
  }
  if (state.grafanaMajor >= 12) {
    const user = state.findByUid(raw);
    if (!user) {
      sendMessage(res, 404, 'User not found');
    }
    return user?.id ?? null;
  }
  sendMessage(res, 400, `${param} is invalid`);
  return null;
}
