// `npm run cartly -- <command>`: back-office commands. Secrets print once, as JSON.
import { z } from 'zod';
import { Customer, Shop, migrate, openOrm, type EntityManager } from '@cartly/db';
import { ZEmail } from '@cartly/contracts';
import { ZIframeHost } from '@cartly/contracts/extensions';
import { loadEnv } from '../env.js';
import { installApp, provisionShop, rotateAdminToken } from '../shops/shops.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { seedDemo } from './seed-demo.js';
import { secretBoxFromEnv } from '../lib/secret-box.js';
import { resealSsoSecrets } from '../sso/rotate-key.js';
import { CliError, parseFlags, required, requiredId } from './args.js';

type Command = (em: EntityManager, flags: Map<string, string[]>) => Promise<unknown>;

const env = loadEnv();

async function shopOf(em: EntityManager, flags: Map<string, string[]>): Promise<string> {
  const shopId = requiredId(flags, 'shop', 'a shop id');
  if (!(await em.findOne(Shop, { id: shopId }))) throw new CliError(`no shop with id ${shopId} (shop:create prints one as "shop_id")`);
  return shopId;
}

const commands: Record<string, Command> = {
  async 'shop:create'(em, flags) {
    const { shop, adminToken, storefrontAccessToken } = await provisionShop(em, { name: required(flags, 'name'), email: flags.get('email')?.[0] });
    return { shop_id: shop.id, admin_token: adminToken, storefront_access_token: storefrontAccessToken };
  },
  async 'admin-token:rotate'(em, flags) {
    const shopId = required(flags, 'shop');
    if (!(await em.count(Shop, { id: shopId }))) throw new Error(`no shop with id ${shopId}`);
    const days = flags.get('ttl-days')?.[0];
    const ttlDays = days === undefined ? undefined : z.coerce.number().int().min(1).max(366, '--ttl-days must be 1..366').parse(days);
    const { adminToken, expiresAt } = await rotateAdminToken(em, shopId, ttlDays);
    return { admin_token: adminToken, expires_at: expiresAt.toISOString() };
  },
  async 'app:install'(em, flags) {
    // The same rule as the merchant's edit (PUT /admin/customer-portal/extension-apps/{id}): DNS names, no IP literals.
    const hosts = [...new Set((flags.get('iframe-host') ?? []).map((h) => {
      const parsed = ZIframeHost.safeParse(h);
      if (!parsed.success) throw new CliError(`--iframe-host "${h}" must be a DNS host name (optionally :port), not an IP address, scheme or path`);
      return parsed.data;
    }))];
    const { app, appToken } = await installApp(em, { shopId: await shopOf(em, flags), name: required(flags, 'name'), iframeHosts: hosts });
    return { app_client_id: app.clientId, app_token: appToken };
  },
  async 'customer:token'(em, flags) {
    const shopId = await shopOf(em, flags);
    const parsed = ZEmail.safeParse(required(flags, 'email'));
    if (!parsed.success) throw new CliError(`--email ${parsed.error.issues[0]?.message ?? 'is not a valid email address'}`);
    const email = parsed.data;
    const customer = await em.findOne(Customer, { shop: shopId, email });
    if (!customer) throw new CliError(`no customer with email ${email} in shop ${shopId}`);
    const { token, expiresAt } = issueCustomerToken(em, { shopId, customerId: customer.id, ttlHours: env.CAT_TTL_HOURS });
    await em.flush();
    return { access_token: token, expires_at: expiresAt.toISOString(), customer_id: customer.id };
  },
  async 'sso:rotate-key'(em) {
    // Without configured keys the box is a random one of this process: nothing sealed before could open.
    if (!env.DATA_ENCRYPTION_KEYS) throw new CliError('DATA_ENCRYPTION_KEYS is not set; put the new key first and keep the old ones after it');
    return resealSsoSecrets(em, secretBoxFromEnv(env));
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
    // One line a person can act on; never a stack or SQL (NODE_ENV=development shows the cause).
    const known = e instanceof CliError || e instanceof z.ZodError;
    const message = e instanceof CliError ? e.message : e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : 'unexpected error (set NODE_ENV=development to see it)';
    console.error(`[cartly] ${name} failed: ${message}`);
    if (!known && env.NODE_ENV === 'development') console.error(e);
    process.exitCode = 1;
  } finally {
    await orm.close(true);
  }
}
