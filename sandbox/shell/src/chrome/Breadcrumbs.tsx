import { css } from '@emotion/css';
import { GrafanaTheme2, NavModelItem } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import React from 'react';
import { Link } from 'react-router-dom-v5-compat';

import { APP_URL } from '../plugin/loadAppPlugin';

/** Only the app's own pages are links: the sandbox serves no other Grafana page. */
const isAppUrl = (url: string | undefined): url is string => url !== undefined && url.startsWith(APP_URL);

export function Breadcrumbs({ items }: { items: NavModelItem[] }) {
  const styles = useStyles2(getStyles);
  return (
    <nav aria-label="Breadcrumbs" className={styles.nav}>
      <ol className={styles.list}>
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.text}`} className={styles.item}>
              {index > 0 && <Icon name="angle-right" className={styles.separator} />}
              {last ? (
                <span aria-current="page" className={styles.current}>
                  {item.text}
                </span>
              ) : isAppUrl(item.url) ? (
                <Link to={item.url} className={styles.link}>
                  {item.text}
                </Link>
              ) : (
                <span className={styles.text}>{item.text}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({
    minWidth: 0,
    overflow: 'hidden',
  }),
  list: css({
    display: 'flex',
    alignItems: 'center',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    whiteSpace: 'nowrap',
  }),
  item: css({
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
  }),
  separator: css({
    color: theme.colors.text.secondary,
    margin: theme.spacing(0, 0.5),
  }),
  text: css({
    color: theme.colors.text.secondary,
  }),
  link: css({
    color: theme.colors.text.secondary,
    '&:hover': {
      color: theme.colors.text.primary,
      textDecoration: 'underline',
    },
  }),
  current: css({
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
