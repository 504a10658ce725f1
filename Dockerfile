# syntax=docker/dockerfile:1
# Mirrors the README: `npm ci` (which generates the Prisma client), `npm run build`,
# then `node dist/src/main.js`. Migrations and the built-in curricula are applied
# by the bot itself on start. COHORT_BOT_PLAYGROUND=off: a missing DISCORD_TOKEN stops the
# container (exit 2) instead of starting the playground, which is for `npm start` on your machine.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev
# Of the CJK font packages (130 MB) the pictures use one file each (src/discord/pictures/PictureFonts.ts).
RUN find node_modules/@fontsource/noto-sans-sc/files node_modules/@fontsource/noto-sans-kr/files -type f \
      ! -name 'noto-sans-sc-chinese-simplified-400-normal.woff' ! -name 'noto-sans-kr-korean-400-normal.woff' -delete
# Of the other script packages (about 1-2 MB each) the pictures use the script subset's regular and bold WOFF (the list of lazyScripts in PictureFonts.ts; test/integration/productionNode.test.ts holds them equal).
RUN for script in devanagari bengali tamil telugu gujarati kannada malayalam gurmukhi sinhala thai lao khmer myanmar georgian armenian ethiopic; do \
      find "node_modules/@fontsource/noto-sans-$script/files" -type f \
        ! -name "noto-sans-$script-$script-400-normal.woff" ! -name "noto-sans-$script-$script-700-normal.woff" -delete || exit 1; \
    done
# The colour emoji, CJK and other script fonts decoded once into a plain file the canvas library maps (src/discord/pictures/PlainFontCache.ts);
# the runtime user cannot write node_modules, and would otherwise decode it into /tmp at every start.
RUN node --input-type=module -e "await (await import('./dist/src/discord/pictures/PictureFonts.js')).PictureFonts.load()"

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/cohort-bot.db \
    HEALTH_FILE=/tmp/cohort-bot.health \
    LOG_FORMAT=json \
    COHORT_BOT_PLAYGROUND=off \
    MALLOC_ARENA_MAX=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
# The same Node flags as `npm start` (scripts/productionNode.mjs); shard processes inherit them.
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=256", "--liftoff-only", "dist/src/main.js"]
