import { css } from '@emotion/css';
import { GrafanaTheme2, NavModelItem, PageLayoutType } from '@grafana/data';
import { PluginPageProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import React, { useEffect, useRef } from 'react';

import { PageHeader } from './PageHeader';
import { useShellNav } from './ShellNavContext';

/** Plugins often pass a new pageNav object on every render; only a change in what it says is a new page. */
function pageNavKey(pageNav: NavModelItem | undefined): string {
  const path: string[] = [];
  for (let item = pageNav; item; item = item.parentItem) {
    path.push(`${item.text}\u0000${item.url ?? ''}`);
  }
  return path.join('\u0001');
}

/** What Grafana renders for `PluginPage` from @grafana/runtime: its page header above the plugin's content. */
export function SandboxPluginPage({ pageNav, layout, children, ...header }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const { nav, setPageNav } = useShellNav();
  const latestPageNav = useRef(pageNav);
  latestPageNav.current = pageNav;
  const key = pageNavKey(pageNav);

  useEffect(() => {
    setPageNav(latestPageNav.current);
    return () => setPageNav(undefined);
  }, [key, setPageNav]);

  if (layout === PageLayoutType.Custom) {
    return <>{children}</>;
  }
  return (
    <div className={styles.page}>
      <PageHeader
        {...header}
        title={pageNav?.text ?? nav.current.text}
        subTitle={header.subTitle ?? nav.current.subTitle}
      />
      {children}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(3),
    [theme.breakpoints.down('md')]: {
      padding: theme.spacing(2),
    },
  }),
});
