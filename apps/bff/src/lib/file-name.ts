/** A file's own name, for Content-Disposition and link URLs: the last part of a CTAO path name. */
export const fileName = (name: string): string => name.split('/').filter(Boolean).pop() ?? name;
