import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { ReactNode } from 'react';

import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** Grafana's chrome around a page: top bar with breadcrumbs, docked menu, and the page itself. */
export function Frame({ children }: { children: ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.frame}>
      <TopBar />
      <div className={styles.body}>
        <SideNav />
        <main className={styles.main}>{children}</main>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  frame: css({
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
  }),
  body: css({
    display: 'flex',
    flex: 1,
  }),
  main: css({
    flex: 1,
    minWidth: 0,
    background: theme.colors.background.primary,
  }),
});
