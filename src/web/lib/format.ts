import dayjs from 'dayjs';

/** Local date-time for a timestamp from the API; an em dash when absent. */
export const formatTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';

/** Shortens an id or hash for tables while keeping it recognisable. */
export const shortId = (id: string | null | undefined, n = 8): string => (id ? id.slice(0, n) : '—');

/** Human size of a byte count (binary units, one decimal). */
export const fileSize = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
