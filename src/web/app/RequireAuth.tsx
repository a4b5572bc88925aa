import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { useSession } from './session';

/** Renders children for a signed-in actor; otherwise sends them to the login page and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, signedOutByUser } = useSession();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={signedOutByUser ? null : { from }} />;
  }
  return children;
}
