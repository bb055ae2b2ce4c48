import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { signOut } from './auth';
import { useAppLayoutAriaFix } from './cloudscape-fixes';
import { useDivisions } from './divisions';
import { focusHeading, useFocusHeadingOnNavigation } from './focus-heading';
import { useMe } from './session';
import { strings } from './strings';
import './shell.css';

const t = strings;

/** The console's frame: top bar with the person and sign-out, side navigation by role, the page. */
export const Shell = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { nameOf } = useDivisions();
  useFocusHeadingOnNavigation(pathname);
  useAppLayoutAriaFix();
  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: t.nav.myWork, href: '/' },
    // The auditor's list is their landing (each request opens as its audit view); a request's page is staff's.
    ...(me.can.workOnRequests ? [{ type: 'link' as const, text: t.nav.requests, href: '/requests' }] : []),
    ...(me.can.registerRequest ? [{ type: 'link' as const, text: t.nav.newRequest, href: '/requests/new' }] : []),
    ...(me.can.holdingPen ? [{ type: 'link' as const, text: t.nav.holdingPen, href: '/holding-pen' }] : []),
    { type: 'link', text: t.nav.calendar, href: '/calendar' },
    ...(me.can.monthlyReport || me.can.workOnRequests
      ? [{ type: 'link' as const, text: t.nav.reports, href: '/reports' }]
      : []),
    ...(me.can.audit ? [{ type: 'link' as const, text: t.nav.audit, href: '/audit' }] : []),
    ...(me.can.workOnRequests || me.can.monthlyReport
      ? [{ type: 'link' as const, text: t.website.nav, href: '/website-updates' }]
      : []),
    ...(me.can.socialMedia ? [{ type: 'link' as const, text: t.social.nav, href: '/social' }] : []),
    ...(me.can.findRequests ? [{ type: 'link' as const, text: t.nav.people, href: '/people' }] : []),
  ];
  const active = pathname.startsWith('/requests/new')
    ? '/requests/new'
    : (['/requests', '/holding-pen', '/calendar', '/reports', '/audit', '/website-updates', '/social', '/people'].find(
        (p) => pathname.startsWith(p),
      ) ?? '/');
  const follow = (event: CustomEvent<{ href?: string; external?: boolean }>) => {
    if (event.detail.external || !event.detail.href) return;
    event.preventDefault();
    navigate(event.detail.href);
  };
  return (
    <>
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          focusHeading(0);
        }}
      >
        {t.app.skipToContent}
      </a>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{
            href: '/console/',
            title: t.app.name,
            onFollow: (e) => {
              e.preventDefault();
              navigate('/');
            },
          }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: me.name,
              // The user id stays in the accessible name: it is what people sign in with.
              ariaLabel: `${me.name} (${me.userId})`,
              description:
                me.roles.map((r) => t.roles[r] ?? r).join(', ') + (me.division ? ` · ${nameOf(me.division)}` : ''),
              iconName: 'user-profile',
              items: [{ id: 'signout', text: t.app.signOut }],
              onItemClick: () => void signOut().then(() => navigate('/sign-in')),
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={
          <SideNavigation
            activeHref={active}
            header={{ text: t.app.name, href: '/' }}
            items={items}
            onFollow={follow}
          />
        }
        ariaLabels={{ navigation: t.app.navigation, navigationClose: t.app.close, navigationToggle: t.app.navigation }}
        toolsHide
        content={<div id="main-content">{children}</div>}
      />
    </>
  );
};
