import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPageProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

type Props = Pick<PluginPageProps, 'actions' | 'info' | 'renderTitle' | 'subTitle'> & { title: string };

/** The page title block of Grafana's Page: title and actions on one row, then info items and the subtitle. */
export function PageHeader({ title, renderTitle, actions, info, subTitle }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.header}>
      <div className={styles.titleRow}>
        {renderTitle ? renderTitle(title) : <h1 className={styles.title}>{title}</h1>}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {info && info.length > 0 && (
        <dl className={styles.info}>
          {info.map(({ label, value }) => (
            <div key={label} className={styles.infoItem}>
              <dt className={styles.infoLabel}>{label}</dt>
              <dd className={styles.infoValue}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {subTitle && <div className={styles.subTitle}>{subTitle}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
  }),
  titleRow: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
  }),
  title: css({
    ...theme.typography.h2,
    margin: 0,
  }),
  actions: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  info: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    margin: 0,
  }),
  infoItem: css({
    display: 'flex',
    gap: theme.spacing(1),
  }),
  infoLabel: css({
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  infoValue: css({
    margin: 0,
  }),
  subTitle: css({
    color: theme.colors.text.secondary,
  }),
});
