# syntax=docker/dockerfile:1.7
# BDMS Portal: the BFF serving the built SPA on one origin. Build from the repository root:
#   docker build -f docker/portal.Dockerfile -t bdms-portal .
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
RUN npm install -g pnpm@10.24.0
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY packages/contract/package.json packages/contract/
COPY packages/rucio-client/package.json packages/rucio-client/
COPY packages/config/package.json packages/config/
# pnpm applies these patches while installing (pnpm-workspace.yaml: patchedDependencies).
COPY packages/config/patches packages/config/patches
COPY packages/dev-fixtures/package.json packages/dev-fixtures/
RUN pnpm install --frozen-lockfile --filter @bdms/bff... --filter @bdms/web...

FROM deps AS build
COPY packages packages
COPY apps/web apps/web
COPY apps/bff apps/bff
RUN pnpm --filter @bdms/web build

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 WEB_DIST_DIR=/app/apps/web/dist
WORKDIR /app
COPY --from=build /app /app
# The image's `node` user, by id so that the runtime need not resolve names.
USER 1000
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# --initial-old-space-size: why in apps/devstack/src/stack/apps.ts (BFF_NODE_FLAGS).
CMD ["node", "--initial-old-space-size=96", "--import", "tsx", "apps/bff/src/main.ts"]
