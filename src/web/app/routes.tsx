import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { Guard } from './Guard';
import { RequireAuth } from './RequireAuth';

// One chunk per page (stack.md gotcha 12: antd + echarts in one chunk is 1.5 MB).
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const AcceptInvitationPage = lazy(() => import('../features/auth/AcceptInvitationPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const OrgProfilePage = lazy(() => import('../features/identity/OrgProfilePage'));
const OrgsPage = lazy(() => import('../features/identity/OrgsPage'));
const UsersPage = lazy(() => import('../features/identity/UsersPage'));
const TokensPage = lazy(() => import('../features/identity/TokensPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const NotFoundPage = lazy(() => import('../features/NotFoundPage'));

/** The route table; workspace pages sit behind RequireAuth and the shared layout. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/accept', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'org', element: <OrgProfilePage /> },
      {
        path: 'orgs',
        element: (
          <Guard page="orgs">
            <OrgsPage />
          </Guard>
        ),
      },
      {
        path: 'orgs/:orgId',
        element: (
          <Guard page="orgs">
            <OrgProfilePage />
          </Guard>
        ),
      },
      {
        path: 'users',
        element: (
          <Guard page="users">
            <UsersPage />
          </Guard>
        ),
      },
      { path: 'tokens', element: <TokensPage /> },
      {
        path: 'audit',
        element: (
          <Guard page="audit">
            <AuditPage />
          </Guard>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
