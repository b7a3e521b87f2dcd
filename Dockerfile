# One image for every service of the supergraph; docker-compose.yml picks the entry point.
FROM node:20-slim
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production HOST=0.0.0.0
# The web container serves the built client (production mode of clients/web/server.ts).
RUN pnpm --filter @travel/web build
