import { ipSortKey, parseIpFilter } from './ipFilter';

function keeps(query: string, ips: string[]): string[] {
  const filter = parseIpFilter(query);
  if ('invalid' in filter) {
    throw new Error(filter.invalid);
  }
  return ips.filter(filter.matches);
}

const IPS = [
  '198.51.100.23',
  '198.51.100.232',
  '10.2.0.5',
  '10.20.1.1',
  '10.200.1.1',
  '2001:db8::1',
  '2001:db80::1',
  '::ffff:10.20.0.5',
  '',
];

describe('IP filter', () => {
  it('keeps exactly the address typed in full, not the longer addresses that begin with it', () => {
    expect(keeps('198.51.100.23', IPS)).toEqual(['198.51.100.23']);
    expect(keeps(' 2001:db8::1 ', IPS)).toEqual(['2001:db8::1']);
  });

  it('reads a partial address as whole parts: 10.20 keeps 10.20.x.x, never 10.200.x.x', () => {
    expect(keeps('10.20', IPS)).toEqual(['10.20.1.1', '::ffff:10.20.0.5']);
    expect(keeps('10.20.', IPS)).toEqual(['10.20.1.1', '::ffff:10.20.0.5']);
    expect(keeps('10.20.*', IPS)).toEqual(['10.20.1.1', '::ffff:10.20.0.5']);
    expect(keeps('10.2', IPS)).toEqual(['10.2.0.5']);
    expect(keeps('2001:db8:', IPS)).toEqual(['2001:db8::1']);
    expect(keeps('2001:db8::', IPS)).toEqual(['2001:db8::1']);
    expect(keeps('2001:0db8', IPS)).toEqual(['2001:db8::1']);
  });

  it('keeps the addresses inside a CIDR range', () => {
    expect(keeps('10.0.0.0/8', IPS)).toEqual(['10.2.0.5', '10.20.1.1', '10.200.1.1', '::ffff:10.20.0.5']);
    expect(keeps('198.51.100.0/24', IPS)).toEqual(['198.51.100.23', '198.51.100.232']);
    expect(keeps('2001:db8::/32', IPS)).toEqual(['2001:db8::1']);
  });

  it('says what is wrong with what it cannot read, instead of silently showing nothing', () => {
    const hint = 'an address, its first parts such as 10.20, or a range such as 10.20.0.0/16';
    expect(parseIpFilter('10.20/99')).toEqual({ invalid: `“10.20/99” is not ${hint}` });
    expect(parseIpFilter('abc')).toEqual({ invalid: `“abc” is not ${hint}` });
    expect(parseIpFilter('10.20.300')).toEqual({ invalid: `“10.20.300” is not ${hint}` });
  });

  it('sorts addresses in address order, IPv4 and IPv6 together, and has no key for a missing address', () => {
    const sorted = ['192.0.2.1', '::9', '2001:db8::10', '10.20.0.1', '10.3.0.1'].sort((a, b) =>
      ipSortKey(a)! < ipSortKey(b)! ? -1 : 1
    );
    expect(sorted).toEqual(['::9', '10.3.0.1', '10.20.0.1', '192.0.2.1', '2001:db8::10']);
    expect(ipSortKey('')).toBeNull();
  });
});
