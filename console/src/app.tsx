import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router-dom';
import { currentToken, signOut, type Me } from './commons/auth';
import { ApiError, setToken } from './commons/api';
import { errorSentence } from './commons/error-sentence';
import { strings } from './commons/strings';
import { prefetchSignedIn } from './commons/me';
import { SessionContext } from './commons/session';
import SignIn from './pages/sign-in';

// Route-level code splitting: the first screen loads only the shell and the sign-in page.
const MyWork = lazy(() => import('./pages/my-work'));
const Requests = lazy(() => import('./pages/requests'));
const Request = lazy(() => import('./pages/request'));
const NewRequest = lazy(() => import('./pages/new-request'));
const HoldingPen = lazy(() => import('./pages/holding-pen'));
const Calendar = lazy(() => import('./pages/calendar'));
const Reports = lazy(() => import('./pages/reports'));
const Audit = lazy(() => import('./pages/audit'));
const WebsiteUpdates = lazy(() => import('./pages/website-updates'));
const NewWebsiteUpdate = lazy(() => import('./pages/website-updates/new'));
const WebsiteUpdate = lazy(() => import('./pages/website-updates/item'));
const SocialMedia = lazy(() => import('./pages/social'));
const SocialAccount = lazy(() => import('./pages/social/account'));
const ProposeAccount = lazy(() => import('./pages/social/propose'));
const People = lazy(() => import('./pages/people'));
const Callback = lazy(() => import('./pages/sign-in/callback'));
const Shell = lazy(() => import('./commons/shell').then((m) => ({ default: m.Shell })));

const Loading = () => (
  <div style={{ padding: 40 }}>
    <Spinner size="large" />
  </div>
);

/**
 * Signed-in routes: takes the session's token, asks the API who it belongs to (`GET /me`) while the first
 * screen's data and code load beside it, or sends the person to sign in, keeping where they were going.
 */
const SignedIn = () => {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [failed, setFailed] = useState<Error | null>(null);
  const location = useLocation();
  const client = useQueryClient();
  useEffect(() => {
    void (async () => {
      const token = await currentToken();
      setToken(token);
      if (!token) return setMe(null);
      try {
        setMe({ ...(await prefetchSignedIn(client, location.pathname)), token });
      } catch (err) {
        // A token the API no longer accepts (expired, person deactivated) means signing in again.
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          await signOut().catch(() => undefined);
          return setMe(null);
        }
        setFailed(err as Error);
      }
    })();
    // Once per sign-in: the layout stays mounted while the person moves between screens.
  }, []);
  if (failed)
    return (
      <div style={{ padding: 40 }}>
        <Alert type="error" header={errorSentence(failed, strings.errors.signIn)} />
      </div>
    );
  if (me === undefined) return <Loading />;
  if (me === null)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionContext.Provider value={me}>
      <Suspense fallback={<Loading />}>
        <Shell>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Shell>
      </Suspense>
    </SessionContext.Provider>
  );
};

const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignIn /> },
    {
      path: '/callback',
      element: (
        <Suspense fallback={<Loading />}>
          <Callback />
        </Suspense>
      ),
    },
    {
      element: <SignedIn />,
      children: [
        { index: true, element: <MyWork /> },
        { path: 'requests', element: <Requests /> },
        { path: 'requests/new', element: <NewRequest /> },
        { path: 'requests/:id', element: <Request /> },
        { path: 'holding-pen', element: <HoldingPen /> },
        { path: 'calendar', element: <Calendar /> },
        { path: 'reports', element: <Reports /> },
        { path: 'audit', element: <Audit /> },
        { path: 'audit/:id', element: <Audit /> },
        { path: 'website-updates', element: <WebsiteUpdates /> },
        { path: 'website-updates/new', element: <NewWebsiteUpdate /> },
        { path: 'website-updates/:id', element: <WebsiteUpdate /> },
        { path: 'social', element: <SocialMedia /> },
        { path: 'social/propose', element: <ProposeAccount /> },
        { path: 'social/accounts/:id', element: <SocialAccount /> },
        { path: 'people', element: <People /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);

export const App = () => <RouterProvider router={router} />;
