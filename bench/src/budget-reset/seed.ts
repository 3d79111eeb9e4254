import type pg from 'pg';

/** Time zones of the seeded shops: periods start at each one's local midnight. */
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Adelaide', 'Asia/Kathmandu', 'America/Los_Angeles', 'Pacific/Auckland'];

/** The slot the reset runs for: on 1 April 2027 in every seeded zone, so every location is due. */
export const SLOT = '2027-04-01T12:00:00Z';

const SHOPS = 100;

/**
 * `locations` company locations over 100 shops (one company each, eight time
 * zones), a third each monthly, quarterly and yearly, every one with spend
 * in the period before SLOT's: all of them are due for a reset.
 */
export async function seedLocations(client: pg.Client, locations: number): Promise<void> {
  await client.query(`
    insert into shop (id, name, domain, currency, timezone, settings, created_at)
    select gen_random_uuid(), 'Bench shop ' || i, 'bench-' || i || '.cartly.test', 'USD', ($1::text[])[1 + i % array_length($1::text[], 1)], '{}', now()
    from generate_series(1, ${SHOPS}) i`, [ZONES]);
  await client.query(`
    insert into company (id, shop_id, name, created_at, updated_at)
    select gen_random_uuid(), s.id, 'Company of ' || s.name, now(), now() from shop s`);
  await client.query(`
    with c as (select id, shop_id, row_number() over (order by id) - 1 as n from company)
    insert into company_location (id, shop_id, company_id, name, address1, city, country_code, budget_amount_cents, currency,
                                  budget_period, period_start, spent_cents, created_at, updated_at)
    select gen_random_uuid(), c.shop_id, c.id, 'Site ' || i, '1 Main St', 'Springfield', 'US', 1000000, 'USD',
           (array['monthly', 'quarterly', 'yearly'])[1 + i % 3],
           (array['2027-03-01', '2027-01-01', '2026-01-01'])[1 + i % 3]::date,
           100 + i % 1000, now(), now()
    from generate_series(0, $1::int - 1) i join c on c.n = i % ${SHOPS}`, [locations]);
  await client.query('vacuum analyze shop, company, company_location, company_budget_entry');
}
