/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import { parseUserAgent } from './userAgent';

describe('parseUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36',
      { browser: 'Chrome', browserVersion: '124.0', os: 'Windows', osVersion: '10', device: 'Other' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      { browser: 'Mobile Safari', browserVersion: '17.4', os: 'iOS', osVersion: '17.4', device: 'iPhone' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      { browser: 'Safari', browserVersion: '17.4', os: 'Mac OS X', osVersion: '10.15', device: 'Other' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
      { browser: 'Firefox', browserVersion: '125.0', os: 'Linux', osVersion: '', device: 'Other' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
      { browser: 'Chrome Mobile', browserVersion: '124.0', os: 'Android', osVersion: '14', device: 'Pixel 7' },
    ],
    ['', { browser: 'Other', browserVersion: '', os: 'Other', osVersion: '', device: 'Other' }],
    ['curl/8.5.0', { browser: 'Other', browserVersion: '', os: 'Other', osVersion: '', device: 'Other' }],
  ])('reads %j the way Grafana reports it', (userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual(expected);
  });
});
