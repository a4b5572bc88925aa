import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why an address is (or is not) a safe webhook target; only `public` is allowed unless private targets are. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'invalid';

/** A resolved address as returned by dns.lookup. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a hostname to all of its addresses (injectable so tests can simulate DNS). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Raised when a webhook target is refused by policy (never retryable). */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
}

type Rule = readonly [base: bigint, prefix: number, cls: AddressClass];

const v4 = (text: string): bigint =>
  text.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates); the first matching rule wins.
const V4_RULES: readonly Rule[] = [
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'shared'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved'],
  [v4('192.0.2.0'), 24, 'reserved'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved'],
  [v4('198.51.100.0'), 24, 'reserved'],
  [v4('203.0.113.0'), 24, 'reserved'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'],
];

// IANA IPv6 Special-Purpose Address Registry (RFC 4291, RFC 4193, RFC 3879).
const V6_RULES: readonly Rule[] = [
  [0n, 128, 'unspecified'],
  [1n, 128, 'loopback'],
  [0xfe80n << 112n, 10, 'link-local'],
  [0xfec0n << 112n, 10, 'reserved'],
  [0xfc00n << 112n, 7, 'unique-local'],
  [0xff00n << 112n, 8, 'multicast'],
  [0x20010db8n << 96n, 32, 'reserved'],
];

// IPv6 forms that carry an IPv4 address, judged by that address: [prefix, prefix length, bit offset of the IPv4].
const V4_EMBEDDINGS: readonly (readonly [bigint, number, bigint])[] = [
  [0xffffn << 32n, 96, 0n], // IPv4-mapped ::ffff:a.b.c.d (RFC 4291 §2.5.5.2)
  [0n, 96, 0n], // IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1)
  [0x64ff9bn << 96n, 96, 0n], // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052)
  [0x2002n << 112n, 16, 80n], // 6to4 2002:aabb:ccdd::/48 (RFC 3056)
];

function match(value: bigint, bits: number, rules: readonly Rule[]): AddressClass | undefined {
  return rules.find(
    ([base, prefix]) => value >> BigInt(bits - prefix) === base >> BigInt(bits - prefix),
  )?.[2];
}

function parseV6(text: string): bigint {
  let address = text.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (dotted) {
    const n = v4(dotted);
    address = `${address.slice(0, -dotted.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return all.reduce((n: bigint, g: string) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** Classifies an IPv4 or IPv6 literal (zone ids ignored); IPv4 embedded in IPv6 is judged as the IPv4 address. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) return match(v4(address), 32, V4_RULES) ?? 'public';
  if (family !== 6) return 'invalid';
  const value = parseV6(address);
  if (value === 0n || value === 1n) return match(value, 128, V6_RULES) ?? 'public';
  for (const [prefix, length, offset] of V4_EMBEDDINGS) {
    if (value >> BigInt(128 - length) === prefix >> BigInt(128 - length)) {
      return match((value >> offset) & 0xffffffffn, 32, V4_RULES) ?? 'public';
    }
  }
  return match(value, 128, V6_RULES) ?? 'public';
}

const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * Resolves `hostname` and returns the address to connect to. Unless `allowPrivate`, every resolved address must be
 * public: one private answer among public ones is refused too, since a later lookup may pick it (DNS rebinding).
 */
export async function vetHost(
  hostname: string,
  allowPrivate: boolean,
  resolve: HostResolver = systemResolver,
): Promise<ResolvedAddress> {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  const addresses: readonly ResolvedAddress[] =
    family === 0 ? await resolve(bare) : [{ address: bare, family: family === 6 ? 6 : 4 }];
  const first = addresses[0];
  if (!first) throw new AddressRefusedError(`${bare} did not resolve to any address`);
  if (allowPrivate) return first;
  for (const { address } of addresses) {
    const cls = classifyAddress(address);
    if (cls !== 'public')
      throw new AddressRefusedError(
        `${bare} resolves to ${address} (${cls}); private targets are not allowed`,
      );
  }
  return first;
}
