import { BackendSrv, BackendSrvRequest, config, FetchError, FetchResponse, isFetchError } from '@grafana/runtime';
import { defaultIfEmpty, filter, lastValueFrom, map, Observable, Subject, takeUntil, throwError } from 'rxjs';

import { showErrorAlert, showSuccessAlert } from './backendAlerts';
import {
  isLocalUrl,
  normaliseErrorData,
  parseResponseBody,
  prepareRequest,
  requestInit,
  urlWithParams,
} from './fetchRequest';

const ROTATE_URL = 'api/user/auth-tokens/rotate';

/** The parts of Grafana's backend_srv a plugin page relies on, over window.fetch. */
export class SandboxBackendSrv implements BackendSrv {
  private inFlight = new Subject<string>();

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    const request = prepareRequest(options, config.bootData.user.orgId);
    if (request.requestId) {
      this.inFlight.next(request.requestId);
    }
    const cancelled = this.inFlight.pipe(filter((id) => id === request.requestId));
    return this.send<T>(request).pipe(
      takeUntil(cancelled),
      // A request superseded by one with the same requestId completes with this response in Grafana.
      defaultIfEmpty(cancelledResponse<T>(request))
    );
  }

  request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return lastValueFrom(this.fetch<T>(options).pipe(map((response) => response.data)));
  }

  datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = unknown>(
    url: string,
    params?: BackendSrvRequest['params'],
    requestId?: string,
    options?: Partial<BackendSrvRequest>
  ): Promise<T> {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }

  post<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }

  patch<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }

  put<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }

  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    return throwError(() => new Error('getBackendSrv().chunked() is not available in the sandbox'));
  }

  private send<T>(request: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      // One caller's signal often spans thousands of requests: each one's listener goes when it ends.
      const abort = () => controller.abort();
      request.abortSignal?.addEventListener('abort', abort, { once: true });
      this.fetchWithRotation<T>(request, controller.signal).then(
        (response) => {
          showSuccessAlert(response);
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          if (controller.signal.aborted) {
            subscriber.next(cancelledResponse<T>(request));
            subscriber.complete();
            return;
          }
          subscriber.error(this.toFetchError(request, error));
        }
      );
      return () => {
        request.abortSignal?.removeEventListener('abort', abort);
        controller.abort();
      };
    });
  }

  /** A 401 asking for token rotation is retried once after rotating, as Grafana's frontend does. */
  private async fetchWithRotation<T>(request: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
    try {
      return await fetchOnce<T>(request, signal);
    } catch (error) {
      const rotate = isFetchError(error) && error.status === 401 && error.data?.messageId === 'session.token.rotate';
      if (!rotate || !isLocalUrl(request.url) || request.url === ROTATE_URL) {
        throw error;
      }
      await fetchOnce({ url: ROTATE_URL, method: 'POST', retry: 1 }, signal);
      return fetchOnce<T>({ ...request, retry: (request.retry ?? 0) + 1 }, signal);
    }
  }

  private toFetchError(request: BackendSrvRequest, error: unknown): FetchError {
    const fetchError: FetchError = isFetchError(error)
      ? { ...error, data: normaliseErrorData(error.data, error.statusText ?? '') }
      : { status: 0, statusText: 'Network error', data: { message: String(error) }, config: request };
    fetchError.isHandled = false;
    // Grafana shows a toast unless the caller marks the error handled right away or opted out.
    setTimeout(() => {
      if (!fetchError.isHandled) {
        showErrorAlert(request, fetchError);
      }
    }, 50);
    return fetchError;
  }
}

async function fetchOnce<T>(request: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
  const response = await window.fetch(urlWithParams(request.url, request.params), requestInit(request, signal));
  const data = await parseResponseBody(response, request.responseType);
  const { status, statusText, ok, headers, redirected, type, url } = response;
  if (!ok) {
    throw { status, statusText, data, config: request } satisfies FetchError;
  }
  return { data, status, statusText, ok, headers, redirected, type, url, config: request };
}

function cancelledResponse<T>(request: BackendSrvRequest): FetchResponse<T> {
  const init = { status: -1, statusText: 'Request was aborted', ok: false, redirected: false, url: request.url };
  return { ...init, data: [] as T, headers: new Headers(), type: 'default', config: request };
}
