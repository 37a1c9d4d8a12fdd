# syntax=docker/dockerfile:1
# One image for every service: the entry point picks the app (standalone, records, transfer,
# query, relay; audit later): `node dist/apps/<app>/src/main.js`.

# ---- build: install everything, compile, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# ---- runtime: compiled code and production dependencies only ----
FROM node:20-bookworm-slim AS runtime
# A larger young generation: evaluations allocate many short-lived objects, and fewer
# scavenges cut the latency tail (the engine benchmark runs with the same setting).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=64 \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# ./data holds the SQLite file when EVENT_STORE=sqlite (mount a volume there to keep it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM, so Nest's shutdown hooks close the store.
CMD ["node", "dist/apps/standalone/src/main.js"]
