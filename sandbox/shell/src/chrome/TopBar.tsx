import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Icon, useStyles2 } from '@grafana/ui';
import React from 'react';
import { useLocation } from 'react-router-dom-v5-compat';

import { breadcrumbs } from './appNav';
import { Breadcrumbs } from './Breadcrumbs';
import { CHROME_HEADER_HEIGHT } from './layout';
import { useShellNav } from './ShellNavContext';

/** A full page load with ?theme=, which Grafana (and the shell's boot data) honour for one visit. */
function useOtherThemeLink() {
  const location = useLocation();
  const other = config.theme2.isDark ? 'light' : 'dark';
  const params = new URLSearchParams(location.search);
  params.set('theme', other);
  return { href: `${location.pathname}?${params}`, label: other === 'light' ? 'Light theme' : 'Dark theme' };
}

export function TopBar() {
  const styles = useStyles2(getStyles);
  const { nav, pageNav } = useShellNav();
  const themeLink = useOtherThemeLink();
  const { user } = config.bootData;

  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <Icon name="grafana" size="lg" />
        <span className={styles.product}>Grafana</span>
        <span className={styles.badge}>sandbox</span>
      </div>
      <Breadcrumbs items={breadcrumbs(nav, pageNav)} />
      <div className={styles.end}>
        <span className={styles.user} title={user.isSignedIn ? `${user.name} (${user.orgRole}, ${user.orgName})` : ''}>
          <Icon name="user" />
          {user.isSignedIn ? user.login : 'Not signed in'}
        </span>
        <a className={styles.themeLink} href={themeLink.href}>
          {themeLink.label}
        </a>
      </div>
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    position: 'sticky',
    top: 0,
    zIndex: theme.zIndex.navbarFixed,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    height: CHROME_HEADER_HEIGHT,
    padding: theme.spacing(0, 2),
    background: theme.colors.background.primary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  brand: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexShrink: 0,
  }),
  product: css({
    fontWeight: theme.typography.fontWeightMedium,
  }),
  badge: css({
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.warning.main,
    color: theme.colors.warning.contrastText,
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    lineHeight: '20px',
  }),
  end: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginLeft: 'auto',
    flexShrink: 0,
  }),
  user: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  themeLink: css({
    color: theme.colors.text.link,
    '&:hover': {
      textDecoration: 'underline',
    },
  }),
});
