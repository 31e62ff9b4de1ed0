/** The portal's URL of a rule's page. */
export const rulePath = (id: string): string => `/rules/${encodeURIComponent(id)}`;
