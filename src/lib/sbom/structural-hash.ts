const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** One multiply-xorshift step (MurmurHash2's multiplier) mixing `x` into `h`. */
function mix(h: number, x: number): number {
  const m = Math.imul(h ^ x, 0x5bd1e995);
  return m ^ (m >>> 15);
}

// Two independent 32-bit lanes, computed in one traversal; results are left in `lanes`.
const lanes = new Int32Array(2);
const SEED_A = 0x9747b28c | 0;
const SEED_B = 0x2f8a1d63 | 0;

function hashString(s: string): void {
  let a = mix(SEED_A, 5);
  let b = mix(SEED_B, 5);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  lanes[0] = mix(a, s.length);
  lanes[1] = mix(b, s.length);
}

function hashTag(tag: number, x = 0, y = 0): void {
  lanes[0] = mix(mix(mix(SEED_A, tag), x), y);
  lanes[1] = mix(mix(mix(SEED_B, tag), x), y);
}

/** Hashes a JSON value into `lanes`: equal values (JSON Schema equality, key order ignored) hash alike. */
function hashValue(v: unknown): void {
  if (v === null) {
    hashTag(1);
    return;
  }
  switch (typeof v) {
    case 'boolean':
      hashTag(v ? 2 : 3);
      return;
    case 'number':
      f64[0] = v === 0 ? 0 : v; // -0 equals 0
      hashTag(4, u32[0] as number, u32[1] as number);
      return;
    case 'string':
      hashString(v);
      return;
    default:
      break;
  }
  if (Array.isArray(v)) {
    let a = mix(SEED_A, 6);
    let b = mix(SEED_B, 6);
    for (const item of v) {
      hashValue(item);
      a = mix(a, lanes[0] as number);
      b = mix(b, lanes[1] as number);
    }
    lanes[0] = mix(a, v.length);
    lanes[1] = mix(b, v.length);
    return;
  }
  // Object members are combined with a sum, so the result does not depend on key order.
  let a = 0;
  let b = 0;
  let count = 0;
  const record = v as Record<string, unknown>;
  for (const key in record) {
    hashString(key);
    const ka = lanes[0] as number;
    const kb = lanes[1] as number;
    hashValue(record[key]);
    a = (a + mix(ka, lanes[0] as number)) | 0;
    b = (b + mix(kb, lanes[1] as number)) | 0;
    count++;
  }
  lanes[0] = mix(mix(mix(SEED_A, 7), a), count);
  lanes[1] = mix(mix(mix(SEED_B, 7), b), count);
}

/**
 * Remembers 64-bit structural digests of values (JSON Schema equality: object key order ignored) with the
 * index where each was first seen, for `uniqueItems` (draft-07 §6.4.3) over streamed arrays. Equal values
 * always collide; two different values share a digest with probability about 2^-64, so for a million
 * elements a false duplicate report has odds near 3·10^-8. An open-addressing table of int32 pairs keeps
 * this to about 16 bytes per element and far cheaper than canonical serialisation plus a cryptographic hash.
 */
export class DigestSet {
  private slots = new Int32Array(1 << 16);
  private size = 0;

  /** Records `value` at `index`; returns the index of an equal earlier value, or -1. */
  add(value: unknown, index: number): number {
    hashValue(value);
    const a = lanes[0] as number;
    const b = lanes[1] as number;
    if ((this.size + 1) * 2 > this.slots.length / 4) this.grow();
    const found = this.insert(a, b, index);
    if (found < 0) this.size++;
    return found;
  }

  /** Linear probing over slots of [a, b, index + 1, unused]; 0 in the index cell marks an empty slot. */
  private insert(a: number, b: number, index: number): number {
    const slots = this.slots;
    const mask = slots.length / 4 - 1;
    for (let i = (a ^ (b >>> 7)) & mask; ; i = (i + 1) & mask) {
      const at = i * 4;
      const stored = slots[at + 2] as number;
      if (stored === 0) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = index + 1;
        return -1;
      }
      if (slots[at] === a && slots[at + 1] === b) return stored - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4)
      if (old[at + 2] !== 0)
        this.insert(old[at] as number, old[at + 1] as number, (old[at + 2] as number) - 1);
  }
}
