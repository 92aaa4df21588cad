# One image for the whole platform; each compose service runs one app from it.
# Node 24 LTS, as on the build machines.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npx turbo run build && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production
# Chinese text in the PDF exports (preliminary review's recommendation letter).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/object-store && chown node:node /data/object-store
WORKDIR /app
COPY --from=build /app /app
USER node
# Overridden per service in docker-compose.yml, e.g. `node apps/intake/dist/main.js`.
CMD ["node", "--max-semi-space-size=2", "apps/gateway/dist/main.js"]
