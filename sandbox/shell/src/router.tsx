import { locationService } from '@grafana/runtime';
import React, { ReactNode, useLayoutEffect, useMemo, useState } from 'react';
import { createPath, Location, Navigator, Router, To } from 'react-router-dom-v5-compat';

/** The part of history@4 (untyped here) that the router uses. */
interface BrowserHistory {
  location: Location;
  listen(listener: (location: Location) => void): () => void;
  push(path: string, state?: unknown): void;
  replace(path: string, state?: unknown): void;
  go(delta: number): void;
}

const toPath = (to: To) => (typeof to === 'string' ? to : createPath(to));

/**
 * A react-router v6 Router over locationService's history, as Grafana 11 provides to plugins (through CompatRouter),
 * so `locationService.push()` and `<Link>` move the same history.
 */
export function LocationServiceRouter({ children }: { children: ReactNode }) {
  const history: BrowserHistory = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((next) => setLocation(next)), [history]);

  const navigator = useMemo<Navigator>(
    () => ({
      createHref: toPath,
      go: (delta) => history.go(delta),
      push: (to, state) => history.push(toPath(to), state),
      replace: (to, state) => history.replace(toPath(to), state),
    }),
    [history]
  );

  return (
    <Router location={location} navigator={navigator}>
      {children}
    </Router>
  );
}
