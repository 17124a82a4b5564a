/** Height of the top bar; plugins read it through useChromeHeaderHeight() to offset sticky headers. */
export const CHROME_HEADER_HEIGHT = 40;

export const SIDE_NAV_WIDTH = 256;
