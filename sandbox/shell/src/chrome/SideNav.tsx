import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import React from 'react';
import { Link } from 'react-router-dom-v5-compat';

import { CHROME_HEADER_HEIGHT, SIDE_NAV_WIDTH } from './layout';
import { useShellNav } from './ShellNavContext';

/** The docked Grafana menu, reduced to the branch that leads to the app: Administration › Users and access. */
export function SideNav() {
  const styles = useStyles2(getStyles);
  const { nav } = useShellNav();
  const pages = nav.app.children ?? [];

  return (
    <div className={styles.column}>
      <nav aria-label="Main menu" className={styles.nav}>
        <div className={styles.section}>
          <Icon name="cog" />
          Administration
        </div>
        <div className={styles.group}>Users and access</div>
        <div className={styles.app}>{nav.app.text}</div>
        <ul className={styles.pages}>
          {pages.map((page) => (
            <li key={page.url}>
              <Link
                to={page.url ?? nav.app.url ?? '/'}
                aria-current={page.active ? 'page' : undefined}
                className={cx(styles.page, page.active && styles.activePage)}
              >
                {page.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // The column spans the whole page height; the menu inside stays in view while the page scrolls.
  column: css({
    flexShrink: 0,
    width: SIDE_NAV_WIDTH,
    background: theme.colors.background.primary,
    borderRight: `1px solid ${theme.colors.border.weak}`,
    [theme.breakpoints.down('md')]: {
      display: 'none',
    },
  }),
  nav: css({
    position: 'sticky',
    top: CHROME_HEADER_HEIGHT,
    maxHeight: `calc(100vh - ${CHROME_HEADER_HEIGHT}px)`,
    overflowY: 'auto',
    padding: theme.spacing(1.5, 1),
  }),
  section: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  group: css({
    padding: theme.spacing(0.5, 1, 0.5, 4),
    color: theme.colors.text.secondary,
  }),
  app: css({
    padding: theme.spacing(0.5, 1, 0.5, 5),
  }),
  pages: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  page: css({
    position: 'relative',
    display: 'block',
    padding: theme.spacing(0.5, 1, 0.5, 7),
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.secondary,
    '&:hover': {
      background: theme.colors.action.hover,
      color: theme.colors.text.primary,
    },
  }),
  activePage: css({
    background: theme.colors.action.selected,
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
    '&::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: 2,
      bottom: 2,
      width: 4,
      borderRadius: theme.shape.radius.default,
      backgroundImage: theme.colors.gradients.brandVertical,
    },
  }),
});
