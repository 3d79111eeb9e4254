// `npm run soak`: the scale-out soak (bench/src/soak/run.ts) on a PostgreSQL and a Temporal dev server of
// its own (or DATABASE_URL / TEMPORAL_ADDRESS); SOAK_SECONDS shortens it (default 300).
process.argv.splice(2, process.argv.length - 2, 'soak');
await import('./bench.mjs');
