import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type Area, figureHref } from './drill';

/** A figure that opens the list behind it (data-testid `figure-link-<name>` unless the caller names it). */
export function FigureLink({
  name,
  area,
  children,
  testId,
  plain,
}: {
  name: string;
  area: Area;
  children: ReactNode;
  testId?: string | null;
  /** Shows the figure without a link (a list the actor may not open). */
  plain?: boolean;
}) {
  if (plain) return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{children}</span>;
  return (
    <Link
      to={figureHref(name, area)}
      data-testid={testId === null ? undefined : (testId ?? `figure-link-${name}`)}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {children}
    </Link>
  );
}

/** A count in the UI locale, an em dash for a figure the area does not have. */
export const num = (v: number | null | undefined): string => (v == null ? '—' : v.toLocaleString());
