// The arrows of shared/STYLE.md, kept by lint rather than by review: which code may import which.
// Zones are checked on the *resolved* file (eslint-plugin-import-x + the TypeScript resolver), so
// `@/features/x`, `../../features/x` and a workspace package name all count the same; package
// names that must not be imported at all (express, @bdms/rucio-client) are matched by name.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

/** The nearest folder at or above `dir` holding pnpm-workspace.yaml. */
export function workspaceRoot(dir) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-workspace.yaml'))) return at;
    if (dirname(at) === at) throw new Error(`no pnpm-workspace.yaml above ${dir}`);
  }
}

const subfolders = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];

/** apps depend on packages, never the reverse; apps never import each other; e2e drives them over HTTP. */
export function workspaceZones(pkgDir) {
  const root = workspaceRoot(pkgDir);
  const apps = join(root, 'apps');
  const target = join(pkgDir, '**');
  if (dirname(pkgDir) === apps) {
    return [
      {
        target,
        from: join(apps, '*', '**'),
        except: [join(pkgDir, '**')],
        message: 'Apps never import each other: move shared code into a package under packages/.',
      },
    ];
  }
  const isPackage = dirname(pkgDir) === join(root, 'packages');
  return [
    {
      target,
      from: join(apps, '**'),
      message: isPackage
        ? 'Packages never import apps: the arrow goes apps → packages.'
        : 'Only apps import their own code; this folder talks to them over HTTP.',
    },
  ];
}

/** Inside the SPA: app → features → shared (components, lib, testing); features never import each other. */
export function webZones(pkgDir) {
  const src = join(pkgDir, 'src');
  const features = join(src, 'features');
  const perFeature = subfolders(features).map((f) => ({
    target: join(features, f, '**'),
    from: join(features, '**'),
    except: [join(features, f, '**')],
    message:
      'Features never import each other: compose them in src/app/routes, or lift the shared part to src/components or src/lib.',
  }));
  return [
    {
      target: ['components', 'lib', 'testing'].map((d) => join(src, d, '**')),
      from: [join(features, '**'), join(src, 'app', '**')],
      message:
        'Shared code (src/components, src/lib, src/testing) never imports features or the app.',
    },
    {
      target: join(features, '**'),
      from: join(src, 'app', '**'),
      message: 'Features never import the app layer.',
    },
    ...perFeature,
  ];
}

/**
 * Folders under apps/bff/src that any service may use: small helpers (lib), the portal database
 * (db) and the signed-in identity with its ports (auth: every use case acts for a user).
 * middleware/, http/, web/ and the Express entry files are the HTTP layer, which services never
 * see; every other folder is a capability, which a service of another capability never imports
 * (it receives what it needs as a parameter from app.ts). Files directly in src/ (errors.ts,
 * config.ts, logger.ts, rucio-port.ts…) are shared unless listed in `BFF_HTTP_FILES`.
 */
export const BFF_SHARED = ['lib', 'db', 'auth'];
export const BFF_HTTP_FILES = ['app.ts', 'main.ts', 'respond.ts'];

/** Inside the BFF: routes → services → rucio-client; a service sees no HTTP and no other capability. */
export function bffZones(pkgDir) {
  const src = join(pkgDir, 'src');
  const perCapability = subfolders(src).map((f) => ({
    target: join(src, f, '**', '*.service.ts'),
    from: join(src, '*', '**'),
    except: [...new Set([f, ...BFF_SHARED])].map((d) => join(src, d, '**')),
    message: `A service never imports another capability or the HTTP layer (middleware, http, web); it may use its own folder and src/{${BFF_SHARED.join(',')}}.`,
  }));
  return [
    ...perCapability,
    {
      target: join(src, '**', '*.service.ts'),
      from: join(src, `{${BFF_HTTP_FILES.join(',')}}`),
      message: 'A service never imports the HTTP layer (app, main, respond).',
    },
  ];
}

const banned = (names, message) => ({ group: names.flatMap((n) => [n, `${n}/*`]), message });

/** Package names a BFF route or service must not import, by file kind. */
export function bffImportBans() {
  return [
    {
      files: ['src/**/*.routes.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              banned(
                ['@bdms/rucio-client'],
                'Routes are HTTP only: call a service, which talks to Rucio.',
              ),
            ],
          },
        ],
      },
    },
    {
      files: ['src/**/*.service.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              banned(
                ['express', 'express-session'],
                'A service is a use case, not HTTP: take plain values, return plain values.',
              ),
            ],
          },
        ],
      },
    },
  ];
}

const TS = ['.ts', '.tsx', '.cts', '.mts'];

/**
 * The import-x plugin with the TypeScript resolver (tsconfig paths, `.ts` extensions, workspace
 * packages to their real folders), the zones, and no import cycles. Type-only imports are not
 * cycles (they vanish at run time); node_modules is not walked (`ignoreExternal`).
 */
export function importArrows(pkgDir, zones) {
  return [
    {
      plugins: { 'import-x': importX },
      settings: {
        'import-x/extensions': [...TS, '.js', '.jsx', '.cjs', '.mjs'],
        'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
        'import-x/parsers': { '@typescript-eslint/parser': TS },
        'import-x/resolver-next': [
          createTypeScriptImportResolver({ project: join(pkgDir, 'tsconfig.json') }),
        ],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { basePath: pkgDir, zones }],
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
  ];
}
