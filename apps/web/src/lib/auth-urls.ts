/**
 * Where the BFF's login starts. `returnTo` must be a local path: the BFF refuses anything else,
 * and so do we, so a crafted link cannot bounce the user to another site after login.
 */
export function safeLocalPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export function loginUrl(returnTo: string): string {
  return `/auth/login?${new URLSearchParams({ returnTo: safeLocalPath(returnTo) }).toString()}`;
}
