import { createContext, createElement, Suspense, useContext, type ComponentType } from 'react';
import type { DidRef } from '@/lib/did-url.ts';

export interface DidActionProps {
  dids: readonly DidRef[];
}

/**
 * Something one feature lets others do with DIDs (the basket's "Add to basket"), provided by the
 * app, so the DID page and the search results offer it without importing the basket feature.
 * The app provides a lazy component: its code loads when it is first shown. Kept small: every
 * page's first load carries it.
 */
export const DidActionsContext = createContext<ComponentType<DidActionProps> | null>(null);

export function DidAction(props: DidActionProps) {
  // One module-level lazy component (app/routes/basket.ts), never one made during a render.
  const Action = useContext(DidActionsContext);
  return Action && <Suspense fallback={null}>{createElement(Action, props)}</Suspense>;
}
