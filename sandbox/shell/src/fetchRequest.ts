// Request and response handling that mirrors Grafana's backend_srv, so the plugin sees the same URLs, headers and
// bodies it would see in Grafana.
import type { BackendSrvRequest } from '@grafana/runtime';

/** Grafana treats anything not starting with http as its own API. */
export function isLocalUrl(url: string): boolean {
  return !url.startsWith('http') || url.startsWith(`${window.location.origin}/`);
}

/** Adds the org header, strips the leading slash (resolving against <base href>) and hides Authorization. */
export function prepareRequest(options: BackendSrvRequest, orgId: number | undefined): BackendSrvRequest {
  const request: BackendSrvRequest = { ...options, headers: { ...options.headers }, retry: options.retry ?? 0 };
  if (!isLocalUrl(request.url)) {
    return request;
  }
  const headers: Record<string, unknown> = request.headers ?? {};
  if (orgId) {
    headers['X-Grafana-Org-Id'] = orgId;
  }
  if (headers.Authorization) {
    headers['X-DS-Authorization'] = headers.Authorization;
    delete headers.Authorization;
  }
  if (request.url.startsWith('/')) {
    request.url = request.url.substring(1);
  }
  return { ...request, headers };
}

/** Like Grafana: undefined and empty values are dropped, arrays repeat the key. */
export function urlWithParams(url: string, params: BackendSrvRequest['params']): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || (value !== null && value.length === 0)) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(item)}`);
    }
  }
  return pairs.length ? `${url}?${pairs.join('&')}` : url;
}

export function requestInit(options: BackendSrvRequest, signal: AbortSignal): RequestInit {
  const headers = new Headers(options.headers);
  const method = options.method?.toUpperCase();
  if (!headers.has('accept')) {
    headers.set('accept', 'application/json, text/plain, */*');
  }
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  const isJson = headers.get('content-type')?.toLowerCase() === 'application/json';
  const body =
    !options.data || typeof options.data === 'string'
      ? options.data
      : isJson
        ? JSON.stringify(options.data)
        : new URLSearchParams(options.data);
  const credentials = options.credentials ?? (options.withCredentials ? 'include' : 'same-origin');
  return { method: options.method, headers, body, credentials, signal };
}

export async function parseResponseBody(response: Response, responseType: BackendSrvRequest['responseType']) {
  switch (responseType) {
    case 'arraybuffer':
      return response.arrayBuffer();
    case 'blob':
      return response.blob();
    case 'json':
      return response.headers.get('Content-Length') === '0' ? {} : response.json();
    case 'text':
      return response.text();
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Error bodies end up as `{ message }` objects, whatever the server sent. */
export function normaliseErrorData(data: unknown, statusText: string): { message?: string; [key: string]: unknown } {
  if (data === undefined || data === null || data === '') {
    return { message: statusText || 'Unexpected error' };
  }
  if (typeof data === 'string') {
    return { message: data, error: statusText, response: data };
  }
  const record = { ...(data as Record<string, unknown>) };
  if (!record.message && typeof record.error === 'string') {
    record.message = record.error;
  }
  return record;
}
