/** The sign-in page served at /interaction/:uid (accessible, Playwright- and fetch-fillable). */
import { escapeHtml, layout } from '../html.ts';

export const LOGIN_TITLE = 'CTAO IAM (dev) — Sign in';
export const INVALID_CREDENTIALS = 'Invalid username or password.';

export interface LoginPageOptions {
  uid: string;
  clientName: string;
  username?: string | undefined;
  error?: boolean | undefined;
}

export function loginPage({
  uid,
  clientName,
  username = '',
  error = false,
}: LoginPageOptions): string {
  const alert = error ? `<p role="alert">${INVALID_CREDENTIALS}</p>` : '';
  const action = `/interaction/${encodeURIComponent(uid)}/login`;
  return layout(
    LOGIN_TITLE,
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(clientName)}</p>
${alert}
<form method="post" action="${action}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus value="${escapeHtml(username)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}
