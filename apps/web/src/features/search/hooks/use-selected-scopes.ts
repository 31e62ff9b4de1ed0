import { createContext, useContext } from 'react';

/*
 * The scopes ticked in the query editor, for inputs deep in the builder that suggest values from
 * those scopes (value-input.tsx, cone-panel.tsx): a context, so the rows between them need not
 * pass the scopes along. Without a provider: no scope, so no archive suggestions.
 */
export const SelectedScopesContext = createContext<readonly string[]>([]);

export const useSelectedScopes = (): readonly string[] => useContext(SelectedScopesContext);
