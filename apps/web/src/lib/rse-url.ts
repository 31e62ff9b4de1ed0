/** The portal's URL of an RSE's page. */
export const rsePath = (rse: string): string => `/sites/${encodeURIComponent(rse)}`;
