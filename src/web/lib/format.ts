import dayjs from 'dayjs';

/** Local date-time for a timestamp from the API; an em dash when absent. */
export const formatTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';

/** Shortens an id or hash for tables while keeping it recognisable. */
export const shortId = (id: string | null | undefined, n = 8): string => (id ? id.slice(0, n) : '—');
