import { useEffect } from 'react';

/**
 * Cloudscape's AppLayout puts `aria-orientation` on the phone toolbar's `<nav>`, an attribute a
 * navigation landmark may not have (axe: aria-allowed-attr, critical). Until its next release fixes it,
 * the attribute is taken off whenever the toolbar is drawn.
 */
export const useAppLayoutAriaFix = () => {
  useEffect(() => {
    const strip = () =>
      document.querySelectorAll('nav[aria-orientation]').forEach((n) => n.removeAttribute('aria-orientation'));
    strip();
    const observer = new MutationObserver(strip);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-orientation'],
    });
    return () => observer.disconnect();
  }, []);
};
