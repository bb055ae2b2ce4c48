import { useSyncExternalStore } from 'react';
import { NARROW_QUERY } from './request-columns';

/** Whether the window is phone-sized now (follows rotation and resizing). */
export const useNarrow = (): boolean =>
  useSyncExternalStore(
    (changed) => {
      const media = window.matchMedia(NARROW_QUERY);
      media.addEventListener('change', changed);
      return () => media.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW_QUERY).matches,
  );
