import { useEffect, useRef } from 'react';

/** The page's own heading, inside the main content (not the top bar's). */
const heading = (): HTMLElement | null => document.querySelector('main h1');

/**
 * Puts keyboard and screen-reader focus on the page's heading, and names the tab after it. The heading
 * of a page whose code or data is still loading appears a moment later: wait for it, up to `waitMs`.
 */
export const focusHeading = (waitMs = 3_000): (() => void) => {
  let stopped = false;
  const started = performance.now();
  const attempt = () => {
    if (stopped) return;
    const h1 = heading();
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: false });
      document.title = `${h1.textContent ?? ''} — Request Desk`;
      return;
    }
    if (performance.now() - started < waitMs) window.setTimeout(attempt, 50);
  };
  attempt();
  return () => {
    stopped = true;
  };
};

/**
 * After each navigation (a new path), focus moves to the new page's heading. A page just loaded keeps
 * the browser's own start, so that the first Tab reaches the skip link.
 */
export const useFocusHeadingOnNavigation = (pathname: string) => {
  const first = useRef(pathname);
  useEffect(() => {
    if (first.current === pathname) return undefined;
    first.current = '';
    return focusHeading();
  }, [pathname]);
};
