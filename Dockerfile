# One Polyphony server. With DATABASE_URL it serves a PostgreSQL database (see compose.yaml);
# without it, an embedded PGlite database in /data (mount a volume there).
FROM node:20-bookworm-slim

WORKDIR /app

COPY package.json package-lock.json ./
# npm ci runs it as postinstall; without src/ yet it only says so, and the cache is built below.
COPY scripts/build-word-vectors.mjs scripts/
RUN npm ci

COPY . .
RUN node scripts/build-word-vectors.mjs && node scripts/build-web.mjs --force

ENV POLYPHONY_DATA=/data
EXPOSE 8787
CMD ["node", "bin/polyphony.mjs", "serve", "--host", "0.0.0.0"]
