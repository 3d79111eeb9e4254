// `npm run cartly -- <command>`: back-office commands. Secrets print once, as JSON.
import { z } from 'zod';
import { Customer, migrate, openOrm, type EntityManager } from '@cartly/db';
import { ZEmail } from '@cartly/contracts';
import { loadEnv } from '../env.js';
import { installApp, provisionShop } from '../shops/shops.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { seedDemo } from './seed-demo.js';
import { parseFlags, required } from './args.js';

type Command = (em: EntityManager, flags: Map<string, string[]>) => Promise<unknown>;

const env = loadEnv();

const commands: Record<string, Command> = {
  async 'shop:create'(em, flags) {
    const { shop, adminToken, storefrontAccessToken } = await provisionShop(em, { name: required(flags, 'name'), email: flags.get('email')?.[0] });
    return { shop_id: shop.id, admin_token: adminToken, storefront_access_token: storefrontAccessToken };
  },
  async 'app:install'(em, flags) {
    const hosts = flags.get('iframe-host') ?? [];
    for (const h of hosts) z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, `--iframe-host "${h}" must be a bare host name`).parse(h);
    const { app, appToken } = await installApp(em, { shopId: required(flags, 'shop'), name: required(flags, 'name'), iframeHosts: hosts });
    return { app_client_id: app.clientId, app_token: appToken };
  },
  async 'customer:token'(em, flags) {
    const shopId = required(flags, 'shop');
    const email = ZEmail.parse(required(flags, 'email'));
    const customer = await em.findOne(Customer, { shop: shopId, email });
    if (!customer) throw new Error(`no customer with email ${email} in shop ${shopId}`);
    const { token, expiresAt } = issueCustomerToken(em, { shopId, customerId: customer.id, ttlHours: env.CAT_TTL_HOURS });
    await em.flush();
    return { access_token: token, expires_at: expiresAt.toISOString(), customer_id: customer.id };
  },
  async 'demo:seed'(em, flags) {
    // `--storefront-origin http://127.0.0.1:3001` (repeatable): the widget demo page's origin, for CORS and magic links.
    return seedDemo(em, { storefrontOrigins: flags.get('storefront-origin') ?? [] });
  },
};

const [name, ...rest] = process.argv.slice(2);
if (name === 'migrate') {
  const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
  await migrate(orm);
  await orm.close(true);
  console.error('[cartly] database migrated');
} else {
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`usage: npm run cartly -- <${['migrate', ...Object.keys(commands)].join('|')}> [--flag value ...]`);
    process.exit(2);
  }
  const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
  try {
    const result = await orm.em.fork().transactional((em) => command(em, parseFlags(rest)));
    console.log(JSON.stringify(result, null, 2));
  } catch (e) {
    console.error(`[cartly] ${name} failed: ${e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : (e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await orm.close(true);
  }
}
