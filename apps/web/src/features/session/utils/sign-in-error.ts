/**
 * The BFF sends a failed sign-in back as `/?signInError=<code>`; only known codes are explained,
 * so a crafted link cannot put words on the page.
 */
const MESSAGES: Record<string, string> = {
  login_failed:
    'The sign-in link expired, was already used, or the identity provider refused it. Please sign in again.',
  idp_unavailable:
    'The CTAO identity provider is not reachable right now. Please try again in a moment.',
  bad_request: 'The sign-in request was not valid. Please sign in again from this page.',
  rate_limited:
    'Too many sign-in attempts came from your address in the last minute. Please wait a minute, then sign in again.',
};

export const SIGN_IN_ERROR_PARAM = 'signInError';

export function signInErrorMessage(code: string | null): string | undefined {
  if (!code) return undefined;
  return MESSAGES[code] ?? MESSAGES.login_failed;
}

/** The URL to come back to after signing in, without the error marker. */
export function returnToWithoutError(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(SIGN_IN_ERROR_PARAM);
  const rest = params.toString();
  return `${pathname}${rest ? `?${rest}` : ''}`;
}
