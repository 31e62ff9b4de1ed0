/**
 * Our own /interaction/:uid pages (instead of devInteractions): a real username/password check
 * against the demo users, then automatic consent.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type Provider from 'oidc-provider';
import { authenticate } from '../accounts.ts';
import { pageCsp } from '../html.ts';
import { grantEverythingRequested } from './consent.ts';
import { loginPage } from './login-page.ts';

const LoginForm = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(200).default(''),
});

function sendPage(res: Response, html: string, status = 200): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': pageCsp(),
      'X-Content-Type-Options': 'nosniff',
    })
    .send(html);
}

async function clientName(provider: Provider, clientId: unknown): Promise<string> {
  const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
  return client?.clientName ?? (typeof clientId === 'string' ? clientId : 'the application');
}

export function interactionRouter(provider: Provider): Router {
  const router = express.Router();

  router.get('/interaction/:uid', async (req: Request, res: Response) => {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.prompt.name === 'login') {
      const name = await clientName(provider, interaction.params.client_id);
      sendPage(res, loginPage({ uid: interaction.uid, clientName: name }));
      return;
    }
    // Any other prompt (consent) is granted automatically.
    const grantId = await grantEverythingRequested(provider, interaction);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  });

  router.post(
    '/interaction/:uid/login',
    express.urlencoded({ extended: false, limit: '8kb' }),
    async (req: Request, res: Response) => {
      const interaction = await provider.interactionDetails(req, res);
      const form = LoginForm.parse(req.body ?? {});
      const user = authenticate(form.username, form.password);
      if (!user) {
        const name = await clientName(provider, interaction.params.client_id);
        sendPage(
          res,
          loginPage({
            uid: interaction.uid,
            clientName: name,
            username: form.username,
            error: true,
          }),
        );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.sub } },
        { mergeWithLastSubmission: false },
      );
    },
  );

  return router;
}
