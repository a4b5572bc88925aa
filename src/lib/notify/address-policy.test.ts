import { describe, expect, it } from 'vitest';
import { type AddressClass, AddressRefusedError, classifyAddress, vetHost } from './address-policy';

const table: [string, AddressClass][] = [
  ['8.8.8.8', 'public'],
  ['114.114.114.114', 'public'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['192.168.1.1', 'private'],
  ['192.169.0.1', 'public'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'shared'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'reserved'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['2400:3200::1', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:8.8.8.8', 'public'],
  ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['64:ff9b::808:808', 'public'],
  ['2002:7f00:0001::', 'loopback'],
  ['2002:0808:0808::1', 'public'],
  ['not-an-ip', 'invalid'],
  ['1.2.3', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(table)('%s → %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('vetHost', () => {
  const resolver = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? (6 as const) : (4 as const),
    }));

  it('accepts a public IP literal and the first address of a public hostname', async () => {
    expect(await vetHost('8.8.8.8', false)).toEqual({ address: '8.8.8.8', family: 4 });
    const resolve = resolver({ 'hooks.example.cn': ['203.119.1.1', '2400:3200::1'] });
    expect(await vetHost('hooks.example.cn', false, resolve)).toEqual({ address: '203.119.1.1', family: 4 });
  });
  it('refuses when any resolved address is private, even if another is public', async () => {
    const resolve = resolver({ 'mixed.example.cn': ['203.119.1.1', '10.0.0.5'] });
    await expect(vetHost('mixed.example.cn', false, resolve)).rejects.toThrow(/10\.0\.0\.5 \(private\)/);
  });
  it('refuses bracketed IPv6 literals and IPv4-mapped forms', async () => {
    await expect(vetHost('[::1]', false)).rejects.toBeInstanceOf(AddressRefusedError);
    await expect(vetHost('[::ffff:7f00:1]', false)).rejects.toThrow(/loopback/);
  });
  it('resolves real DNS: localhost is refused, and allowed with allowPrivate', async () => {
    await expect(vetHost('localhost', false)).rejects.toThrow(/loopback/);
    expect(classifyAddress((await vetHost('localhost', true)).address)).toBe('loopback');
  });
  it('refuses a name with no addresses', async () => {
    await expect(vetHost('empty.example.cn', true, resolver({}))).rejects.toThrow(/did not resolve/);
  });
});
