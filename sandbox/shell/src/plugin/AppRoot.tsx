import { css } from '@emotion/css';
import { AppPlugin, GrafanaTheme2, NavModel, PluginContextProvider } from '@grafana/data';
import { locationSearchToObject } from '@grafana/runtime';
import { Alert, useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom-v5-compat';

import { PageHeader } from '../chrome/PageHeader';
import { RenderErrorBoundary } from '../chrome/RenderErrorBoundary';
import { APP_URL } from './loadAppPlugin';

/** As in Grafana, the app owns every URL under /a/<plugin id>/, so its relative <Routes> resolve from there. */
export function AppRoot({ plugin }: { plugin: AppPlugin }) {
  return (
    <Routes>
      <Route path={`${APP_URL}/*`} element={<AppRootPage plugin={plugin} />} />
      <Route path="*" element={<OutsideApp />} />
    </Routes>
  );
}

function AppRootPage({ plugin }: { plugin: AppPlugin }) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const query = useMemo(() => locationSearchToObject(location.search), [location.search]);
  // Apps that call the deprecated onNavChanged get Grafana's page header from the shell.
  const [legacyNav, setLegacyNav] = useState<NavModel>();
  const onNavChanged = useCallback(
    (nav: NavModel) =>
      setLegacyNav((shown) =>
        shown?.node.text === nav.node.text && shown?.node.subTitle === nav.node.subTitle ? shown : nav
      ),
    []
  );
  const Root = plugin.root;
  if (!Root) {
    return null;
  }

  return (
    <PluginContextProvider meta={plugin.meta}>
      <RenderErrorBoundary title={`${plugin.meta.name} failed while rendering`}>
        <div className={legacyNav ? styles.page : undefined}>
          {legacyNav && <PageHeader title={legacyNav.node.text} subTitle={legacyNav.node.subTitle} />}
          <Root
            meta={plugin.meta}
            basename={APP_URL}
            onNavChanged={onNavChanged}
            query={query}
            path={location.pathname}
          />
        </div>
        <MountedSignal />
      </RenderErrorBoundary>
    </PluginContextProvider>
  );
}

/** Mounted right after the plugin root, so its effect runs once the root has rendered without throwing. */
function MountedSignal() {
  useEffect(() => {
    window.__sandbox = { ready: true };
  }, []);
  return <span data-testid="sandbox-ready" hidden />;
}

function OutsideApp() {
  const styles = useStyles2(getStyles);
  const { pathname } = useLocation();
  return (
    <div className={styles.page}>
      <Alert severity="info" title="Not part of the sandbox">
        {pathname} is a Grafana page outside Session Control, which the sandbox does not have.{' '}
        <Link to={APP_URL}>Back to Session Control</Link>
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(3),
  }),
});
