import { rest, type TestApi, type TestShop } from './harness.js';

/** A product with two variants, created through the admin API as a merchant would. */
export async function createProduct(t: TestApi, shop: TestShop, title = 'Tee') {
  const res = await rest(t, 'POST', '/admin/products', {
    bearer: shop.adminToken,
    body: {
      title: `${title} ${Math.random().toString(36).slice(2, 8)}`,
      variants: [
        { title: 'Small', sku: 'S', price_cents: 2000 },
        { title: 'Large', sku: 'L', price_cents: 2500 },
      ],
    },
  });
  if (res.status !== 200) throw new Error(`createProduct: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; variants: { id: string; price_cents: number }[] };
}

export async function createOrder(t: TestApi, shop: TestShop, customerId: string, lines: { variant_id: string; quantity: number }[]) {
  const res = await rest(t, 'POST', '/admin/orders', { bearer: shop.adminToken, body: { customer_id: customerId, lines } });
  if (res.status !== 200) throw new Error(`createOrder: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: number; lines: { id: string; quantity: number }[]; total_cents: number };
}
