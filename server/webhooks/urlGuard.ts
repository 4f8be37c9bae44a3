// Which webhook URLs Tally refuses to post to: loopback, private, link-local (cloud metadata at
// 169.254.169.254 and fd00:ec2::254 among them), carrier-grade NAT, multicast and reserved
// addresses, by the literal address or by every address the host name resolves to — so a
// receiver cannot be pointed at the server's own network. TALLY_WEBHOOK_ALLOW_PRIVATE=1 lifts it
// (tests, or a receiver on the intranet by design). Checked when a webhook is registered and again
// before each delivery, since a name may resolve elsewhere later.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** Names that mean this machine or a cloud's metadata service whatever they resolve to. */
const BLOCKED_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

/** Is this literal address one Tally does not post to? (IPv4-mapped IPv6 is judged as its IPv4.) */
export const isPrivateAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  return family === 4 ? blocked.check(address, 'ipv4') : family === 6 ? blocked.check(address, 'ipv6') : false;
};

export type Resolve = (host: string) => Promise<readonly string[]>;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Why the URL may not be posted to (undefined when it may); a name that does not resolve is refused too. */
export const privateUrlReason = async (url: string, resolve: Resolve = resolveAll): Promise<string | undefined> => {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  if (BLOCKED_NAMES.test(host)) return `'${host}' names this machine or a metadata service`;
  if (isIP(host)) return isPrivateAddress(host) ? `${host} is a loopback, private, link-local or reserved address` : undefined;
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch (e) {
    return `'${host}' does not resolve (${(e as NodeJS.ErrnoException).code ?? 'lookup failed'})`;
  }
  const inside = addresses.find(isPrivateAddress);
  return inside ? `'${host}' resolves to ${inside}, a loopback, private, link-local or reserved address` : undefined;
};
