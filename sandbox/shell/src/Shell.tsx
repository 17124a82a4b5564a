import { css } from '@emotion/css';
import { GrafanaTheme2, ThemeContext } from '@grafana/data';
import { config } from '@grafana/runtime';
import { GlobalStyles, LoadingPlaceholder, PortalContainer, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';
import { useLocation } from 'react-router-dom-v5-compat';

import { buildAppNav } from './chrome/appNav';
import { ErrorBox } from './chrome/ErrorBox';
import { Frame } from './chrome/Frame';
import { SandboxPluginPage } from './chrome/SandboxPluginPage';
import { ShellNavProvider } from './chrome/ShellNavContext';
import { Toasts } from './chrome/Toasts';
import { AppRoot } from './plugin/AppRoot';
import { AppPluginState, useAppPlugin } from './plugin/useAppPlugin';
import { LocationServiceRouter } from './router';

export function Shell() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceRouter>
        <ShellPage />
      </LocationServiceRouter>
      <PortalContainer />
    </ThemeContext.Provider>
  );
}

function ShellPage() {
  const app = useAppPlugin();
  const { pathname } = useLocation();
  const nav = useMemo(() => buildAppNav(app.meta, pathname), [app.meta, pathname]);
  return (
    <ShellNavProvider nav={nav}>
      <Frame>
        <PageContent app={app} />
      </Frame>
      <Toasts />
    </ShellNavProvider>
  );
}

function PageContent({ app }: { app: AppPluginState }) {
  const styles = useStyles2(getStyles);
  switch (app.status) {
    case 'loading':
      return <LoadingPlaceholder className={styles.loading} text="Loading Session Control…" />;
    case 'failed':
      return (
        <SandboxPluginPage>
          <ErrorBox title="Session Control could not be loaded" error={app.error} />
        </SandboxPluginPage>
      );
    case 'loaded':
      return <AppRoot plugin={app.plugin} />;
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  loading: css({
    padding: theme.spacing(3),
  }),
});
