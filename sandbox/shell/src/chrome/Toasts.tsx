import { css } from '@emotion/css';
import { AlertPayload, BusEventWithPayload, GrafanaTheme2 } from '@grafana/data';
import { getAppEvents } from '@grafana/runtime';
import { Alert, AlertVariant, useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useState } from 'react';

import { CHROME_HEADER_HEIGHT } from './layout';

// The legacy alert events of AppEvents, which backend_srv and plugins publish by type name.
class AlertSuccessEvent extends BusEventWithPayload<AlertPayload> {
  static type = 'alert-success';
}
class AlertWarningEvent extends BusEventWithPayload<AlertPayload> {
  static type = 'alert-warning';
}
class AlertErrorEvent extends BusEventWithPayload<AlertPayload> {
  static type = 'alert-error';
}

const kinds = [
  { event: AlertSuccessEvent, severity: 'success', timeout: 3000 },
  { event: AlertWarningEvent, severity: 'warning', timeout: 5000 },
  { event: AlertErrorEvent, severity: 'error', timeout: 7000 },
] as const;

interface Toast {
  id: number;
  severity: AlertVariant;
  title: string;
  text?: string;
}

let nextId = 1;

/** Grafana's notification toasts, top right, for the alert events published on appEvents. */
export function Toasts() {
  const styles = useStyles2(getStyles);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id)), []);

  useEffect(() => {
    const subscriptions = kinds.map(({ event, severity, timeout }) =>
      getAppEvents()
        .getStream(event)
        .subscribe(({ payload: [title, text] }) => {
          const id = nextId++;
          setToasts((shown) => [...shown, { id, severity, title, text }]);
          setTimeout(() => dismiss(id), timeout);
        })
    );
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }, [dismiss]);

  return (
    <section aria-label="Notifications" className={styles.toasts}>
      {toasts.map(({ id, severity, title, text }) => (
        <Alert key={id} severity={severity} title={title} onRemove={() => dismiss(id)} elevated>
          {text}
        </Alert>
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toasts: css({
    position: 'fixed',
    top: CHROME_HEADER_HEIGHT + 8,
    right: theme.spacing(2),
    zIndex: theme.zIndex.portal,
    width: 400,
    maxWidth: `calc(100vw - ${theme.spacing(4)})`,
  }),
});
