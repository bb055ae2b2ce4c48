import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router-dom';
import { currentSession, type Me } from './commons/auth';
import { setToken } from './commons/api';
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
const People = lazy(() => import('./pages/people'));
const Callback = lazy(() => import('./pages/sign-in/callback'));
const Shell = lazy(() => import('./commons/shell').then((m) => ({ default: m.Shell })));

const Loading = () => (
  <div style={{ padding: 40 }}>
    <Spinner size="large" />
  </div>
);

/** Signed-in routes: resolves the session or sends the person to sign in, keeping where they were going. */
const SignedIn = () => {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const location = useLocation();
  useEffect(() => {
    void currentSession().then((s) => {
      setToken(s?.token);
      setMe(s ?? null);
    });
  }, []);
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
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
    { path: '/callback', element: <Suspense fallback={<Loading />}><Callback /></Suspense> },
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
        { path: 'people', element: <People /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);

export const App = () => <RouterProvider router={router} />;
