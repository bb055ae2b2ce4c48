import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useState, type ReactNode } from 'react';
import { strings } from './strings';

/**
 * The one message a page shows above its content after something was done (or failed): `show` replaces
 * what was shown; the person dismisses it. `items` go to a Flashbar.
 */
export const useFlash = () => {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const show = (content: ReactNode, type: FlashbarProps.Type = 'success') =>
    setItems([
      {
        type,
        content,
        dismissible: true,
        dismissLabel: strings.app.close,
        id: String(Date.now()),
        onDismiss: () => setItems([]),
      },
    ]);
  return { items, show };
};
