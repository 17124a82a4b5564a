import { isFetchError } from '@grafana/runtime';

export interface GrafanaApiErrorInit {
  status: number;
  message: string;
  messageId?: string;
  method: string;
  url: string;
}

/** Every failed call to Grafana becomes this: HTTP status plus Grafana's own words. */
export class GrafanaApiError extends Error {
  readonly status: number;
  readonly messageId?: string;
  readonly method: string;
  readonly url: string;
  /** RBAC action Grafana said is missing, from "Permissions needed: <action>". */
  readonly missingPermission?: string;

  constructor(init: GrafanaApiErrorInit) {
    super(init.message);
    this.name = 'GrafanaApiError';
    this.status = init.status;
    this.messageId = init.messageId;
    this.method = init.method;
    this.url = init.url;
    this.missingPermission = /Permissions needed: ([\w.:*-]+)/.exec(init.message)?.[1];
  }
}

export function isGrafanaApiError(value: unknown): value is GrafanaApiError {
  return value instanceof GrafanaApiError;
}

function readBody(data: unknown): { message?: string; messageId?: string } {
  if (typeof data === 'string' && data.trim()) {
    return { message: data.trim() };
  }
  if (data && typeof data === 'object') {
    const body = data as Record<string, unknown>;
    return {
      message: typeof body.message === 'string' && body.message ? body.message : undefined,
      messageId: typeof body.messageId === 'string' && body.messageId ? body.messageId : undefined,
    };
  }
  return {};
}

/** Turns whatever the backend service rejected with into a GrafanaApiError. */
export function toApiError(error: unknown, method: string, url: string): GrafanaApiError {
  if (error instanceof GrafanaApiError) {
    return error;
  }
  if (isFetchError(error)) {
    const body = readBody(error.data);
    const status = error.status ?? 0;
    const fallback = status === 0 ? 'Grafana could not be reached' : error.statusText || `HTTP ${status}`;
    return new GrafanaApiError({
      status,
      message: body.message ?? error.message ?? fallback,
      messageId: body.messageId,
      method,
      url,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GrafanaApiError({ status: 0, message: message || 'Request failed', method, url });
}
