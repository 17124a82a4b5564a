// A stand-in for Grafana's backend service in Jest: answers by "METHOD /path" and records what
// Grafana would have received, so tests assert on requests rather than on implementation.
import { BackendSrv, BackendSrvRequest, FetchError, FetchResponse, setBackendSrv } from '@grafana/runtime';
import { Observable, defer } from 'rxjs';

export interface Answer {
  status?: number;
  body: unknown;
}

export type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

export interface RecordedRequest {
  method: string;
  path: string;
  params?: Record<string, unknown>;
  data?: unknown;
}

export class FakeBackend {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers = new Map<string, Handler>();

  /** `route('GET /api/users/7', {body: ...})` or with a function for dynamic answers. */
  route(key: string, answer: Answer | Handler): this {
    this.handlers.set(key, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  requestsTo(key: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === key);
  }

  install(): this {
    const fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> => defer(() => this.answer<T>(options));
    setBackendSrv({ fetch } as unknown as BackendSrv);
    return this;
  }

  private async answer<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    const method = (options.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = { method, path: options.url, params: options.params, data: options.data };
    this.requests.push(request);
    const handler = this.handlers.get(`${method} ${options.url}`);
    const { status = 200, body } = handler
      ? await handler(request)
      : { status: 404, body: { message: `no fake route for ${method} ${options.url}` } };
    if (status >= 400) {
      const error: FetchError = { status, data: body, config: options, statusText: '' };
      throw error;
    }
    return { data: body as T, status, ok: true } as FetchResponse<T>;
  }
}
