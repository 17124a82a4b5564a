import { AppPluginMeta, NavModelItem } from '@grafana/data';

import { APP_URL } from '../plugin/loadAppPlugin';

export interface AppNav {
  /** The app's own nav item, with one child per page that plugin.json adds to the navigation. */
  app: NavModelItem;
  /** The item for the current URL: a page, or the app itself when no page matches. */
  current: NavModelItem;
}

/** Where Grafana puts the app when grafana.ini lists it under [navigation.app_sections] in admin/access. */
export const ADMIN_SECTIONS: NavModelItem[] = [
  { text: 'Home' },
  { text: 'Administration' },
  { text: 'Users and access' },
];

const isAt = (pathname: string, url: string | undefined) =>
  url !== undefined && (pathname === url || pathname.startsWith(`${url}/`));

export function buildAppNav(meta: AppPluginMeta | undefined, pathname: string): AppNav {
  const pages = (meta?.includes ?? []).filter((include) => include.type === 'page' && include.addToNav && include.path);
  const children: NavModelItem[] = pages.map((page) => ({
    id: `${meta?.id}-${page.path}`,
    text: page.name,
    url: page.path,
  }));
  const atAppRoot = pathname.replace(/\/$/, '') === APP_URL;
  const current =
    children.find((page) => isAt(pathname, page.url)) ??
    (atAppRoot ? children.find((page) => page.url === meta?.defaultNavUrl) : undefined);
  const app: NavModelItem = {
    id: meta?.id,
    text: meta?.name ?? 'Session Control',
    url: APP_URL,
    children: children.map((page) => ({ ...page, active: page === current })),
  };
  return { app, current: current ? { ...current, active: true, parentItem: app } : app };
}

/** The breadcrumb trail: the admin sections, the app, its current page, then the plugin's own pageNav chain. */
export function breadcrumbs(nav: AppNav, pageNav: NavModelItem | undefined): NavModelItem[] {
  const pagePath: NavModelItem[] = [];
  for (let item = pageNav; item; item = item.parentItem) {
    pagePath.unshift(item);
  }
  const appPath = nav.current === nav.app ? [nav.app] : [nav.app, nav.current];
  return [...ADMIN_SECTIONS, ...appPath, ...pagePath];
}
