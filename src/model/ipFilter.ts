// The IP filter and the IP sort. The filter takes an exact address, a CIDR range, or the beginning of an address in
// whole parts ("10.20", "10.20.", "10.20.*", "2001:db8:" or "2001:db8::"), read as the range those parts span, so
// that "10.20" keeps 10.20.x.x but never 10.200.x.x, and a whole address never also keeps a longer one.
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type IpFilter = { matches: (clientIp: string) => boolean } | { invalid: string };

const EXAMPLES = 'an address, its first parts such as 10.20, or a range such as 10.20.0.0/16';

export function parseIpFilter(query: string): IpFilter {
  const q = query.trim();
  const range = q.includes('/') ? cidr(q) : (partialRange(q) ?? exactRange(q));
  if (!range) {
    return { invalid: `“${q}” is not ${EXAMPLES}` };
  }
  return { matches: (ip) => inRange(ip, range) };
}

/** A key whose text order is address order (IPv4 as IPv4-mapped IPv6); null for a missing or unreadable address. */
export function ipSortKey(ip: string): string | null {
  const address = readAddress(ip);
  if (!address) {
    return null;
  }
  const v6 = address.kind() === 'ipv4' ? (address as ipaddr.IPv4).toIPv4MappedAddress() : address;
  return v6
    .toByteArray()
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

function cidr(q: string): [Address, number] | undefined {
  return ipaddr.isValidCIDR(q) ? ipaddr.parseCIDR(q) : undefined;
}

function exactRange(q: string): [Address, number] | undefined {
  const address = ipaddr.IPv4.isValidFourPartDecimal(q) || ipaddr.IPv6.isValid(q) ? ipaddr.process(q) : undefined;
  return address && [address, address.kind() === 'ipv4' ? 32 : 128];
}

/** "10.20", "10.20.", "10.20.*" → 10.20.0.0/16; "2001:db8", "2001:db8:", "2001:db8::" → 2001:db8::/32. */
function partialRange(q: string): [Address, number] | undefined {
  const v4 = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?(?:\.\*?)?$/.exec(q);
  if (v4 && !q.match(/^\d+\.\d+\.\d+\.\d+$/)) {
    const parts = v4
      .slice(1)
      .filter((p) => p !== undefined)
      .map(Number);
    if (parts.some((p) => p > 255)) {
      return undefined;
    }
    const padded = [...parts, 0, 0, 0].slice(0, 4).join('.');
    return [ipaddr.IPv4.parse(padded), parts.length * 8];
  }
  const v6 = /^([0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}):{0,2}$/i.exec(q);
  if (v6 && (!q.includes(':') || !ipaddr.IPv6.isValid(q) || q.endsWith('::'))) {
    const groups = v6[1].split(':');
    if (groups.length === 1 && !q.includes(':')) {
      return undefined; // a lone number or word: neither an IPv4 nor an IPv6 beginning
    }
    return [ipaddr.IPv6.parse(`${groups.join(':')}::`), groups.length * 16];
  }
  return undefined;
}

function readAddress(ip: string): Address | undefined {
  return ip && ipaddr.isValid(ip) ? ipaddr.process(ip) : undefined;
}

function inRange(ip: string, range: [Address, number]): boolean {
  const address = readAddress(ip);
  return address !== undefined && address.kind() === range[0].kind() && address.match(range);
}
