/** Returns `array` if it holds `length` items, else a copy at least twice as long, new slots set to `fill`. */
export function ensureInt32(
  array: Int32Array<ArrayBuffer>,
  length: number,
  fill = 0,
): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const next = new Int32Array(Math.max(length, array.length * 2, 16));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/** {@link ensureInt32} for bytes. */
export function ensureUint8(array: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const next = new Uint8Array(Math.max(length, array.length * 2, 16));
  next.set(array);
  return next;
}

/** First index of a sorted key list whose key is not below `key` (lower bound). */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
