import UAParser from 'ua-parser-js';

export interface ParsedUserAgent {
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: string;
}

// ua-parser-js names a few families differently from the uap-core regexes Grafana uses.
const BROWSER_NAMES: Record<string, string> = {
  'Chrome Headless': 'HeadlessChrome',
  'Mobile Chrome': 'Chrome Mobile',
  'Mobile Firefox': 'Firefox Mobile',
};
const OS_NAMES: Record<string, string> = { 'Mac OS': 'Mac OS X' };

/** The fields Grafana derives from a token's user agent: family names, "major.minor" versions, "Other" when unknown. */
export function parseUserAgent(userAgent: string): ParsedUserAgent {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  let browserName = browser.name ? (BROWSER_NAMES[browser.name] ?? browser.name) : 'Other';
  if (browserName === 'Chrome' && device.type === 'mobile') {
    browserName = 'Chrome Mobile';
  }
  return {
    browser: browserName,
    browserVersion: majorMinor(browser.version),
    os: os.name ? (OS_NAMES[os.name] ?? os.name) : 'Other',
    osVersion: majorMinor(os.version),
    // Desktops are "Other" in Grafana's lists; ua-parser-js names Macs "Macintosh".
    device: device.model && device.type ? device.model : 'Other',
  };
}

function majorMinor(version: string | undefined): string {
  return (version ?? '').split('.').slice(0, 2).join('.');
}
