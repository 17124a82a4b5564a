import { parseIpFilter } from './ipFilter';

function keeps(query: string, ips: string[]): string[] {
  const filter = parseIpFilter(query);
  if ('invalid' in filter) {
    throw new Error(filter.invalid);
  }
  return ips.filter(filter.matches);
}

const IPS = ['198.51.100.23', '198.51.100.232', '10.2.0.5', '10.20.1.1', '10.200.1.1', '2001:db8::1', '2001:db80::1'];

describe('IP filter', () => {
  it('keeps exactly the address typed in full, not the longer addresses that begin with it', () => {
    expect(keeps('198.51.100.23', IPS)).toEqual(['198.51.100.23']);
    expect(keeps(' 2001:db8::1 ', IPS)).toEqual(['2001:db8::1']);
  });

  it('reads a partial address as whole parts: 10.20 keeps 10.20.x.x, never 10.200.x.x', () => {
    expect(keeps('10.20', IPS)).toEqual(['10.20.1.1']);
    expect(keeps('10.20.', IPS)).toEqual(['10.20.1.1']);
    expect(keeps('10.20.*', IPS)).toEqual(['10.20.1.1']);
    expect(keeps('10.2', IPS)).toEqual(['10.2.0.5']);
    expect(keeps('2001:db8:', IPS)).toEqual(['2001:db8::1']);
  });

  it('keeps the addresses inside a CIDR range', () => {
    expect(keeps('10.0.0.0/8', IPS)).toEqual(['10.2.0.5', '10.20.1.1', '10.200.1.1']);
    expect(keeps('198.51.100.0/24', IPS)).toEqual(['198.51.100.23', '198.51.100.232']);
    expect(keeps('2001:db8::/32', IPS)).toEqual(['2001:db8::1']);
  });

  it('says what is wrong with a range it cannot read, instead of silently showing nothing', () => {
    expect(parseIpFilter('10.20/99')).toEqual({ invalid: '“10.20/99” is not a CIDR range such as 10.20.0.0/16' });
  });
});
