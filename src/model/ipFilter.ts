// The IP filter: an exact address, a CIDR range, or the beginning of an address cut at a dot or colon, so that
// "10.20" keeps 10.20.x.x but never 10.200.x.x, and a whole address never also keeps a longer one.
import ipaddr from 'ipaddr.js';

export type IpFilter = { matches: (clientIp: string) => boolean } | { invalid: string };

export function parseIpFilter(query: string): IpFilter {
  const q = query.trim();
  if (q.includes('/')) {
    if (!ipaddr.isValidCIDR(q)) {
      return { invalid: `“${q}” is not a CIDR range such as 10.20.0.0/16` };
    }
    const range = ipaddr.parseCIDR(q);
    return { matches: (ip) => inRange(ip, range) };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(q) || ipaddr.IPv6.isValid(q)) {
    const wanted = ipaddr.process(q).toString();
    return { matches: (ip) => normalised(ip) === wanted };
  }
  // "10.20.*" and "10.20." read as "10.20".
  const prefix = q.replace(/(\.\*)+$|\*+$/, '').replace(/[.:]$/, '');
  if (!prefix) {
    return { matches: () => true };
  }
  return {
    matches: (ip) => ip.startsWith(prefix) && (ip.length === prefix.length || /[.:]/.test(ip[prefix.length])),
  };
}

function normalised(ip: string): string | undefined {
  return ipaddr.isValid(ip) ? ipaddr.process(ip).toString() : undefined;
}

function inRange(ip: string, range: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  if (!ipaddr.isValid(ip)) {
    return false;
  }
  const address = ipaddr.process(ip);
  return address.kind() === range[0].kind() && address.match(range);
}
