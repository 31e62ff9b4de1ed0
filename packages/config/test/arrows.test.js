// The import arrows of arrows.js, proven on a throw-away workspace: each deliberate violation is
// reported by the rule that keeps that arrow, and the legal imports beside them lint clean.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bff, node, react } from '../eslint.js';

// Type-aware linting starts a TypeScript project per package: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const configDir = join(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'bdms-arrows-'));

const write = (path, text) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

const tsconfig = (compilerOptions = {}) =>
  JSON.stringify({
    extends: join(configDir, 'tsconfig.base.json'),
    compilerOptions: {
      module: 'ESNext',
      moduleResolution: 'bundler',
      types: [],
      ...compilerOptions,
    },
    include: ['src'],
  });

const FILES = {
  'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
  'apps/web/tsconfig.json': tsconfig({ jsx: 'react-jsx', paths: { '@/*': ['./src/*'] } }),
  'apps/web/src/lib/ok.ts': 'export const ok = 1;\n',
  'apps/web/src/app/app.ts':
    "import { alpha } from '@/features/alpha/api/get-alpha.ts';\nexport const app = alpha;\n",
  'apps/web/src/features/alpha/api/get-alpha.ts':
    "import { ok } from '@/lib/ok.ts';\nexport const alpha = ok;\n",
  'apps/web/src/features/beta/use-alpha.ts':
    "import { alpha } from '@/features/alpha/api/get-alpha.ts';\nexport const beta = alpha;\n",
  'apps/web/src/features/beta/nested/relative.ts':
    "import { alpha } from '../../alpha/api/get-alpha.ts';\nexport const gamma = alpha;\n",
  'apps/web/src/components/uses-feature.ts':
    "import { alpha } from '@/features/alpha/api/get-alpha.ts';\nexport const shown = alpha;\n",
  'apps/web/src/testing/uses-app.ts':
    "import { app } from '@/app/app.ts';\nexport const wrapped = app;\n",
  'apps/web/src/lib/rucio.ts':
    "import type { RucioClient } from '@bdms/rucio-client';\nexport type Client = RucioClient;\n",

  'apps/bff/tsconfig.json': tsconfig(),
  'apps/bff/src/errors.ts': 'export class AppError extends Error {}\n',
  'apps/bff/src/lib/text.ts': 'export const trim = (s: string): string => s.trim();\n',
  'apps/bff/src/auth/session-data.ts': 'export interface SessionUser {\n  sub: string;\n}\n',
  'apps/bff/src/middleware/request-id.ts': "export const header = 'x-request-id';\n",
  'apps/bff/src/dids/dids.repo.ts': 'export const names = (): string[] => [];\n',
  'apps/bff/src/dids/dids.service.ts': [
    "import type { SessionUser } from '../auth/session-data.ts';",
    "import { AppError } from '../errors.ts';",
    "import { trim } from '../lib/text.ts';",
    "import { names } from './dids.repo.ts';",
    'export const listFor = (user: SessionUser): string[] => {',
    "  if (!user.sub) throw new AppError('no user');",
    '  return names().map(trim);',
    '};',
    '',
  ].join('\n'),
  'apps/bff/src/dids/dids.routes.ts':
    "import { listFor } from './dids.service.ts';\nexport const route = listFor;\n",
  'apps/bff/src/scopes/scopes.routes.ts':
    "import type { RucioClient } from '@bdms/rucio-client';\nexport type Client = RucioClient;\n",
  'apps/bff/src/scopes/scopes.service.ts':
    "import type { Request } from 'express';\nexport type Req = Request;\n",
  'apps/bff/src/scopes/other-capability.service.ts':
    "import { listFor } from '../dids/dids.service.ts';\nexport const again = listFor;\n",
  'apps/bff/src/scopes/http-layer.service.ts':
    "import { header } from '../middleware/request-id.ts';\nexport const h = header;\n",
  'apps/bff/src/lib/uses-web.ts':
    "import { ok } from '../../../web/src/lib/ok.ts';\nexport const again = ok;\n",

  'packages/kit/tsconfig.json': tsconfig(),
  'packages/kit/src/uses-app.ts':
    "import { ok } from '../../../apps/web/src/lib/ok.ts';\nexport const again = ok;\n",
  'packages/kit/src/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
  'packages/kit/src/b.ts': "import { a } from './a.ts';\nexport const b = (): number => a() - 1;\n",
  'packages/kit/src/type-a.ts':
    "import type { B } from './type-b.ts';\nexport interface A {\n  b?: B;\n}\n",
  'packages/kit/src/type-b.ts':
    "import type { A } from './type-a.ts';\nexport interface B {\n  a?: A;\n}\n",
};

const presets = { 'apps/web': react, 'apps/bff': bff, 'packages/kit': node };
const linters = {};

beforeAll(() => {
  for (const [path, text] of Object.entries(FILES)) write(path, text);
  for (const [dir, preset] of Object.entries(presets)) {
    const cwd = join(root, dir);
    linters[dir] = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: preset(cwd) });
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** `{ ruleId, message }` of every problem ESLint finds in one fixture file. */
async function lint(path) {
  const dir = Object.keys(presets).find((d) => path.startsWith(`${d}/`));
  const [result] = await linters[dir].lintFiles([join(root, path)]);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const reported = (ruleId, text) =>
  expect.arrayContaining([{ ruleId, message: expect.stringContaining(text) }]);

describe('web: app → features → shared', () => {
  it('when a feature imports another feature (by alias or by a relative path), then it is refused', async () => {
    const zone = 'Features never import each other';
    expect(await lint('apps/web/src/features/beta/use-alpha.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
    expect(await lint('apps/web/src/features/beta/nested/relative.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
  });

  it('when shared code imports a feature or the app, then it is refused', async () => {
    const zone = 'never imports features or the app';
    expect(await lint('apps/web/src/components/uses-feature.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
    expect(await lint('apps/web/src/testing/uses-app.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
  });

  it('when web code imports @bdms/rucio-client, then it is refused', async () => {
    expect(await lint('apps/web/src/lib/rucio.ts')).toEqual(
      reported('no-restricted-imports', 'The SPA never talks to Rucio'),
    );
  });

  it('when the app imports a feature and a feature imports lib, then both lint clean', async () => {
    expect(await lint('apps/web/src/app/app.ts')).toEqual([]);
    expect(await lint('apps/web/src/features/alpha/api/get-alpha.ts')).toEqual([]);
  });
});

describe('bff: routes → services → rucio-client', () => {
  it('when a route imports @bdms/rucio-client, then it is refused', async () => {
    expect(await lint('apps/bff/src/scopes/scopes.routes.ts')).toEqual(
      reported('no-restricted-imports', 'Routes are HTTP only'),
    );
  });

  it('when a service imports express, then it is refused', async () => {
    expect(await lint('apps/bff/src/scopes/scopes.service.ts')).toEqual(
      reported('no-restricted-imports', 'A service is a use case, not HTTP'),
    );
  });

  it('when a service imports another capability or middleware, then it is refused', async () => {
    const zone = 'A service never imports another capability or the HTTP layer';
    expect(await lint('apps/bff/src/scopes/other-capability.service.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
    expect(await lint('apps/bff/src/scopes/http-layer.service.ts')).toEqual(
      reported('import-x/no-restricted-paths', zone),
    );
  });

  it('when a service uses its repo, errors, lib and auth, and a route its service, then both lint clean', async () => {
    expect(await lint('apps/bff/src/dids/dids.service.ts')).toEqual([]);
    expect(await lint('apps/bff/src/dids/dids.routes.ts')).toEqual([]);
  });
});

describe('workspace: apps → packages', () => {
  it('when an app imports another app, then it is refused', async () => {
    expect(await lint('apps/bff/src/lib/uses-web.ts')).toEqual(
      reported('import-x/no-restricted-paths', 'Apps never import each other'),
    );
  });

  it('when a package imports an app, then it is refused', async () => {
    expect(await lint('packages/kit/src/uses-app.ts')).toEqual(
      reported('import-x/no-restricted-paths', 'Packages never import apps'),
    );
  });
});

describe('no import cycles', () => {
  it('when two files import each other, then both are reported', async () => {
    expect(await lint('packages/kit/src/a.ts')).toEqual(reported('import-x/no-cycle', 'cycle'));
    expect(await lint('packages/kit/src/b.ts')).toEqual(reported('import-x/no-cycle', 'cycle'));
  });

  it('when two files only import types from each other, then it is no cycle', async () => {
    expect(await lint('packages/kit/src/type-a.ts')).toEqual([]);
  });
});

describe("the real workspace's configs", () => {
  const workspace = join(configDir, '..', '..');
  const ruleAt = async (dir, file, rule) =>
    (await new ESLint({ cwd: join(workspace, dir) }).calculateConfigForFile(file)).rules?.[rule];

  it.each(['apps/web', 'apps/bff', 'apps/dev-idp', 'apps/devstack', 'e2e', 'packages/contract'])(
    'when %s is linted, then its config keeps the arrows and forbids cycles',
    async (dir) => {
      expect(await ruleAt(dir, 'src/x.ts', 'import-x/no-cycle')).toEqual([2, expect.anything()]);
      expect(await ruleAt(dir, 'src/x.ts', 'import-x/no-restricted-paths')).toEqual([
        2,
        expect.objectContaining({ zones: expect.any(Array) }),
      ]);
    },
  );

  it('when web or bff files are linted, then their own bans apply', async () => {
    const ban = [2, { patterns: expect.any(Array) }];
    expect(await ruleAt('apps/web', 'src/app/x.ts', 'no-restricted-imports')).toEqual(ban);
    expect(await ruleAt('apps/bff', 'src/x/x.routes.ts', 'no-restricted-imports')).toEqual(ban);
    expect(await ruleAt('apps/bff', 'src/x/x.service.ts', 'no-restricted-imports')).toEqual(ban);
  });
});
