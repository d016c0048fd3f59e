/**
 * A fast 64-bit hash of a string (two 32-bit multiply-xorshift lanes, after
 * cyrb53). Not cryptographic: it keys the record ledger, which also compares
 * the full natural key, so a collision could only ever merge two versions of
 * the same record with different content, odds about 2^-64 per pair.
 * Returned as decimal text, as UInt64 travels to ClickHouse.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return ((BigInt(h2 >>> 0) << 32n) | BigInt(h1 >>> 0)).toString();
}
