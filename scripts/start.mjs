// `npm start`: everything a fresh clone needs to run the portal with demo data.
import { ensureDependencies } from './lib/bootstrap.mjs';
import { root } from './lib/run.mjs';
import { say } from './lib/log.mjs';
import { DEV_API_PORT, DEV_SMTP_PORT, DEV_WIDGET_PORT, devDatabaseUrl, devEncryptionKeys } from './lib/dev.mjs';

ensureDependencies(root);
const { launch, run, tsx, tsxOutput } = await import('./lib/run.mjs');
const { startServices } = await import('./lib/services.mjs');
const { isPortFree } = await import('./lib/ports.mjs');
const { default: pg } = await import('pg');

const apiPort = Number(process.env.PORT ?? DEV_API_PORT);
const widgetPort = Number(process.env.CARTLY_DEMO_PORT ?? DEV_WIDGET_PORT);
// Fail early rather than report another process's API as ours.
for (const [port, knob] of [[apiPort, 'PORT'], [widgetPort, 'CARTLY_DEMO_PORT']]) {
  if (!(await isPortFree(port))) {
    say(`port ${port} is already in use (another \`npm start\`?); stop that process or set ${knob}`);
    process.exit(1);
  }
}
const widgetOrigin = `http://127.0.0.1:${widgetPort}`;
const services = await startServices({ root, purpose: 'dev' });
const databaseUrl = process.env.DATABASE_URL ?? devDatabaseUrl(root);
if (!process.env.DATABASE_URL) {
  // The embedded server starts with only `postgres`; the portal gets its own database.
  const client = new pg.Client({ connectionString: services.databaseUrl });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'cartly'");
  if (exists.rowCount === 0) await client.query('create database cartly');
  await client.end();
}

const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${apiPort}`;
const env = {
  NODE_ENV: 'development',
  DATABASE_URL: databaseUrl,
  TEMPORAL_ADDRESS: services.temporalAddress,
  PORT: String(apiPort),
  PUBLIC_BASE_URL: publicBaseUrl,
  SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${DEV_SMTP_PORT}`,
  SMS_PROVIDER: process.env.SMS_PROVIDER ?? 'mock',
  DATA_ENCRYPTION_KEYS: process.env.DATA_ENCRYPTION_KEYS ?? devEncryptionKeys(root),
};

say('applying database migrations');
if ((await tsx('apps/api/src/cli/main.ts', ['migrate'], { env })) !== 0) throw new Error('migrations failed');
say('seeding the demo shop');
const demo = JSON.parse(await tsxOutput('apps/api/src/cli/main.ts', ['demo:seed', '--storefront-origin', widgetOrigin], { env }));
say('building the portal widget');
if ((await run(process.execPath, ['apps/portal-widget/build.mjs'])) !== 0) throw new Error('the widget build failed');

if (!process.env.SMTP_URL) launch('dev outbox', ['scripts/dev-outbox.mjs'], env);
const worker = launch('worker', ['apps/worker/src/main.ts'], env, { readyWhen: /\[worker\] serving task queue/ });
const api = launch('api', ['apps/api/src/main.ts'], env);
launch('widget demo', ['scripts/widget-demo.mjs'], {
  CARTLY_DEMO_PORT: String(widgetPort),
  CARTLY_DEMO_API_URL: publicBaseUrl,
  CARTLY_DEMO_SAT: demo.storefront_access_token,
  CARTLY_DEMO_SHOP_ID: demo.shop_id,
  CARTLY_DEMO_LOGINS: [demo.customer_email, ...demo.company.members.map((m) => `${m.email} (B2B ${m.role})`)].join(','),
});
await new Promise((resolve, reject) => {
  const started = Date.now();
  const poll = async () => {
    try {
      const res = await fetch(`${publicBaseUrl}/healthz`);
      if (res.ok) return resolve();
    } catch {
      // not up yet
    }
    if (api.exitCode !== null || Date.now() - started > 60_000) return reject(new Error('the API did not come up'));
    setTimeout(poll, 300);
  };
  poll();
});
// "running" means both halves: the API answers and the worker serves its task queue.
say('API is up; waiting for the worker to connect to Temporal');
await Promise.race([worker.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('the worker did not come up within 120 s')), 120_000).unref())]);

console.log(`
Cartly customer portal is running.

  Portal widget  ${widgetOrigin}/          (demo storefront page embedding the widget; log in as the demo customer)
  API            ${publicBaseUrl}          (tRPC at ${publicBaseUrl}/trpc)
  API reference  ${publicBaseUrl}/docs          (interactive, served locally)
  OpenAPI        ${publicBaseUrl}/openapi.json
  Mail outbox    printed below as [outbox] lines
  Temporal       ${services.temporalAddress}

Demo shop
  shop id                  ${demo.shop_id}   (the value for --shop in \`npm run cartly\` commands)
  storefront access token  ${demo.storefront_access_token}
  admin token              ${demo.admin_token}
  demo customer            ${demo.customer_email}

Log in as the demo customer (the code arrives in the outbox below):
  curl -s -X POST ${publicBaseUrl}/storefront/v1/customer/otp/request \\
    -H 'X-Shopify-Storefront-Access-Token: ${demo.storefront_access_token}' -H 'content-type: application/json' \\
    -d '{"identifier":"${demo.customer_email}","channel":"email"}'
  curl -s -X POST ${publicBaseUrl}/storefront/v1/customer/otp/verify \\
    -H 'X-Shopify-Storefront-Access-Token: ${demo.storefront_access_token}' -H 'content-type: application/json' \\
    -d '{"identifier":"${demo.customer_email}","code":"<code>"}'
Or mint a token directly:  npm run cartly -- customer:token --shop ${demo.shop_id} --email ${demo.customer_email}

B2B company "${demo.company.name}" (${demo.company.company_id}): location ${demo.company.location_id}, budget ${demo.company.budget}
${demo.company.members.map((m) => `  ${m.role.padEnd(7)} ${m.email}`).join('\n')}
  Log in as any of them the same way; the buyer can reorder order ${demo.company.reorderable_order_id}:
  curl -s -X POST ${publicBaseUrl}/customer/orders/${demo.company.reorderable_order_id}/reorder \\
    -H 'Authorization: Bearer <cat>' -H 'content-type: application/json' -d '{"location_id":"${demo.company.location_id}"}'
Portal extension blocks of the demo app (one Liquid, one iframe, one remote-UI; add a CAT for the customer's name):
  curl -s '${publicBaseUrl}/storefront/v1/portal/extensions?point=account_overview' \\
    -H 'X-Shopify-Storefront-Access-Token: ${demo.storefront_access_token}'

Press Ctrl+C to stop.
`);
