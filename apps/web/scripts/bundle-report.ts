/**
 * First-load JavaScript per route, from a finished `vite build`: what a browser downloads before a
 * route can render on a first visit (empty cache), gzipped as a server would send it.
 *
 * - the page's own tags: the entry `<script type="module">` and every `<link rel="modulepreload">`
 *   Vite put into the built index.html;
 * - plus the route's lazily imported module and everything it statically imports (Vite preloads
 *   those alongside it), read from `.vite/manifest.json` (`build.manifest`).
 *
 * A lazily imported module without a line in ROUTES is still measured, under its file name, with
 * the default budget: a new page cannot escape the budget by being forgotten here.
 *
 * Usage (after `vite build`): `tsx scripts/bundle-report.ts [outDir]`; exits 1 over budget.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteBudget {
  route: string;
  /** The lazily imported route module (manifest key); none for pages carried by the entry. */
  module?: string;
  budgetKb: number;
}

export interface RouteSize extends RouteBudget {
  files: string[];
  gzipKb: number;
  ok: boolean;
}

/** kB = 1000 bytes, as Vite prints them. */
export const DEFAULT_BUDGET_KB = 200;

/** Routes and the module their route definition (src/app/routes) imports lazily. */
export const ROUTES: RouteBudget[] = [
  // The landing page, kept well under the ceiling; each new area adds its nav entry and route
  // module to the shell every page loads (Sites: +0.6 kB), hence 175, not the 170 it started with.
  { route: '/scopes', module: 'src/features/scopes/components/scopes-page.tsx', budgetKb: 175 },
  {
    route: '/scopes/:scope',
    module: 'src/features/dids/components/scope-browse-page.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    route: '/dids/:scope/:name',
    module: 'src/app/routes/did-page.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    // The scope and DID pages' loaders: their queries, loaded alongside the page's code.
    route: 'scope and DID loaders',
    module: 'src/features/dids/api/prefetch.ts',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  { route: '/search', module: 'src/features/search/components/search-page.tsx', budgetKb: 200 },
  { route: '/sites', module: 'src/app/routes/sites-page.tsx', budgetKb: 200 },
  {
    route: '/rules/new',
    module: 'src/features/rule-request/components/rule-request-page.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  { route: '/sites/:rse', module: 'src/features/rses/components/rse-page.tsx', budgetKb: 200 },
  { route: '/rules', module: 'src/app/routes/rules-page.tsx', budgetKb: DEFAULT_BUDGET_KB },
  {
    route: '/rules/:id',
    module: 'src/features/rules/components/rule-page.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    // The rule page's loader: its query, loaded alongside the page's code.
    route: 'rule loader',
    module: 'src/features/rules/api/get-rule.ts',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    // Lazy in every page that shows a map, loaded after the page has rendered (a skeleton holds
    // its place): d3-geo, topojson and the bundled world outline (~50 kB of it, offline).
    route: 'world map (after the page)',
    module: 'src/components/map/world-map.tsx',
    budgetKb: 230,
  },
  { route: '/basket', module: 'src/features/basket/components/basket-page.tsx', budgetKb: 200 },
  {
    route: '/my-links',
    module: 'src/features/links/components/my-links-page.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    // The My links page's loader: its query, loaded alongside the page's code.
    route: 'my links loader',
    module: 'src/lib/links-queries.ts',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  {
    // Loaded after the shell on every page: the nav's basket icon and count, "Add to basket".
    route: 'basket actions (after the shell)',
    module: 'src/features/basket/components/basket-actions.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
  { route: 'signed out (landing page), 404', budgetKb: DEFAULT_BUDGET_KB },
  {
    // Loaded after the header learns the identity has several Rucio accounts.
    route: 'account menu (header)',
    module: 'src/features/session/components/account-menu.tsx',
    budgetKb: DEFAULT_BUDGET_KB,
  },
];

const ENTRY = 'index.html';

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The JS files the built index.html makes the browser fetch before anything runs. */
export function pageScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags
    .filter((tag) => /type="module"/.test(tag) || /rel="modulepreload"/.test(tag))
    .map((tag) => /\b(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1])
    .filter((file): file is string => file?.endsWith('.js') === true);
}

/** A chunk and its static imports, transitively (what loading it makes the browser fetch). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build manifest has no chunk for ${key}`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
  return into;
}

const gzipBytes = (outDir: string, file: string): number =>
  gzipSync(readFileSync(join(outDir, file))).length;

/** Every route in ROUTES plus any lazy route module ROUTES does not name. */
export function routeBudgets(manifest: Manifest, routes: RouteBudget[] = ROUTES): RouteBudget[] {
  const lazy = manifest[ENTRY]?.dynamicImports ?? [];
  const unnamed = lazy.filter((key) => !routes.some((r) => r.module === key));
  return [...routes, ...unnamed.map((key) => ({ route: key, module: key, budgetKb: 0 }))].map(
    (r) => ({ ...r, budgetKb: r.budgetKb || DEFAULT_BUDGET_KB }),
  );
}

export function measureRoutes(outDir: string, routes: RouteBudget[] = ROUTES): RouteSize[] {
  const manifest = readManifest(outDir);
  const page = pageScripts(outDir);
  const fromManifest = [...staticClosure(manifest, ENTRY)].sort();
  // Both views of the first load must agree, or the figures below would not be what a browser does.
  if (JSON.stringify([...page].sort()) !== JSON.stringify(fromManifest)) {
    throw new Error(
      `index.html loads ${page.join(', ')} but the manifest says ${fromManifest.join(', ')}`,
    );
  }
  return routeBudgets(manifest, routes).map((r) => {
    const files = new Set(page);
    if (r.module) staticClosure(manifest, r.module, files);
    const bytes = [...files].reduce((sum, file) => sum + gzipBytes(outDir, file), 0);
    const gzipKb = Math.round(bytes / 100) / 10;
    return { ...r, files: [...files], gzipKb, ok: gzipKb <= r.budgetKb };
  });
}

export function formatReport(sizes: RouteSize[]): string {
  const width = Math.max(...sizes.map((s) => s.route.length));
  return sizes
    .map(
      (s) =>
        `${s.route.padEnd(width)}  ${s.gzipKb.toFixed(1).padStart(6)} kB gzip JS first load` +
        `  (budget ${s.budgetKb} kB, ${s.files.length} files)  ${s.ok ? 'ok' : 'OVER BUDGET'}`,
    )
    .join('\n');
}

function main(): void {
  const outDir = resolve(process.argv[2] ?? 'dist');
  const sizes = measureRoutes(outDir);
  process.stdout.write(`${formatReport(sizes)}\n`);
  if (sizes.some((s) => !s.ok)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
