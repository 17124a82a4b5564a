import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import React, { useEffect } from 'react';

interface Props {
  title: string;
  error: Error;
}

/** Shows a load or render failure on the page, and to browser tests through window.__sandbox.error. */
export function ErrorBox({ title, error }: Props) {
  const styles = useStyles2(getStyles);

  useEffect(() => {
    window.__sandbox = { ready: false, error: `${title}: ${error.message}` };
  }, [title, error]);

  return (
    <div data-testid="sandbox-error">
      <Alert severity="error" title={title}>
        <p className={styles.message}>{error.message}</p>
        {error.stack && (
          <details>
            <summary>Stack trace</summary>
            <pre className={styles.stack}>{error.stack}</pre>
          </details>
        )}
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  message: css({
    whiteSpace: 'pre-wrap',
  }),
  stack: css({
    maxHeight: 320,
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
