// The toasts Grafana's backend_srv raises around API calls, published on appEvents for the shell's toast area.
import { AppEvents } from '@grafana/data';
import { BackendSrvRequest, FetchError, FetchResponse, getAppEvents } from '@grafana/runtime';

import { isLocalUrl } from './fetchRequest';

/** When the caller did not decide, alerts show only for non-GET calls to Grafana's own API. */
function alertsWanted(request: BackendSrvRequest, wanted: boolean | undefined): boolean {
  if (wanted !== undefined) {
    return wanted;
  }
  return request.method !== 'GET' && !request.url.includes('api/ds/query') && isLocalUrl(request.url);
}

/** A success toast with the `message` of the response body, e.g. "User logged out". */
export function showSuccessAlert<T>({ config: request, data }: FetchResponse<T>) {
  const message = (data as { message?: unknown } | undefined)?.message;
  if (alertsWanted(request, request.showSuccessAlert) && typeof message === 'string' && message) {
    getAppEvents().publish({ type: AppEvents.alertSuccess.name, payload: [message] });
  }
}

/** A warning (4xx) or error (5xx) toast with Grafana's message; long messages go below a generic title. */
export function showErrorAlert(request: BackendSrvRequest, error: FetchError) {
  const message: unknown = error.data?.message;
  if (!alertsWanted(request, request.showErrorAlert) || typeof message !== 'string' || !message) {
    return;
  }
  const long = message.length > 80;
  const title = error.status === 422 ? 'Validation failed' : long ? 'Error' : message;
  const description = error.status === 422 || long ? message : '';
  const event = error.status < 500 ? AppEvents.alertWarning : AppEvents.alertError;
  getAppEvents().publish({ type: event.name, payload: [title, description] });
}
