/** Tiny HTML helpers shared by the login, logout and error pages (no template engine needed). */
import { randomBytes } from 'node:crypto';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export const newNonce = (): string => randomBytes(16).toString('base64');

/** Strict CSP for our pages: no external resources; scripts only with the page's nonce. */
export const pageCsp = (nonce?: string): string =>
  [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    nonce ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // No form-action: Chromium applies it to the redirect chain after a submit, and our forms
    // legitimately end on the relying party's (any loopback) callback.
  ].join('; ');

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}
main{max-width:22rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
.banner{background:#fff3cd;color:#5c4400;padding:.5rem 1rem;text-align:center;font-size:.9rem}
label{display:block;margin-top:1rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{margin-top:1.25rem;width:100%;padding:.6rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
[role=alert]{background:#fdecea;color:#8a1c12;padding:.5rem;border-radius:4px;margin-top:1rem}`;

export function layout(title: string, body: string, nonce?: string, script?: string): string {
  const scriptTag = nonce && script ? `<script nonce="${nonce}">${script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner" role="note">Development identity provider (IAM-shaped) — for local development and tests only.</p>
<main>
${body}
</main>
${scriptTag}
</body>
</html>`;
}
