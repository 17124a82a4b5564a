import { NavModelItem } from '@grafana/data';
import React, { createContext, ReactNode, useContext, useMemo, useState } from 'react';

import { AppNav, buildAppNav } from './appNav';

interface ShellNav {
  nav: AppNav;
  /** What the plugin passed as PluginPage's pageNav (or through onNavChanged). */
  pageNav?: NavModelItem;
  setPageNav: (pageNav: NavModelItem | undefined) => void;
}

const ShellNavContext = createContext<ShellNav>({ nav: buildAppNav(undefined, '/'), setPageNav: () => {} });

export function ShellNavProvider({ nav, children }: { nav: AppNav; children: ReactNode }) {
  const [pageNav, setPageNav] = useState<NavModelItem>();
  const value = useMemo(() => ({ nav, pageNav, setPageNav }), [nav, pageNav]);
  return <ShellNavContext.Provider value={value}>{children}</ShellNavContext.Provider>;
}

export function useShellNav(): ShellNav {
  return useContext(ShellNavContext);
}
