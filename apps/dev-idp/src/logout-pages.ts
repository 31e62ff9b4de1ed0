/**
 * Pages oidc-provider renders itself (Koa side): the logout confirmation, the post-logout
 * success page and the error page. The logout confirmation submits itself (CSP-nonced inline
 * script) so that "Sign out" in the portal needs no extra click; the button is the no-JS fallback.
 */
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, layout, newNonce, pageCsp } from './html.ts';

function sendHtml(ctx: KoaContextWithOIDC, html: string, nonce?: string): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', pageCsp(nonce));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = html;
}

export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  const nonce = newNonce();
  // `logout=yes` ends the whole IdP session, not just this client's part (end_session.js).
  const body = `<h1>Signing out…</h1>
${form}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<p>You are being signed out of the development identity provider.</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`;
  const script = "document.getElementById('op.logoutForm').submit();";
  sendHtml(ctx, layout('CTAO IAM (dev) — Sign out', body, nonce, script), nonce);
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  const client = ctx.oidc.client;
  const who = client ? ` of ${escapeHtml(client.clientName ?? client.clientId)}` : '';
  sendHtml(
    ctx,
    layout('CTAO IAM (dev) — Signed out', `<h1>Signed out</h1><p>You have signed out${who}.</p>`),
  );
}

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  const rows = Object.entries(out)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`)
    .join('');
  sendHtml(ctx, layout('CTAO IAM (dev) — Error', `<h1>Something went wrong</h1><dl>${rows}</dl>`));
}
