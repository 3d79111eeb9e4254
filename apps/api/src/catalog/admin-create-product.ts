import { adminCreateProductMeta, ZAdminCreateProductInput, ZAdminCreateProductOutput } from '@cartly/contracts/catalog';
import { Product, ProductVariant } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { productOf } from './views.js';

function handleOf(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 200) || 'product';
}

export const adminCreateProduct = procedure(adminCreateProductMeta)
  .input(ZAdminCreateProductInput)
  .output(ZAdminCreateProductOutput)
  .mutation(async ({ ctx, input }) => {
    const handle = input.handle ?? handleOf(input.title);
    if (await ctx.em.count(Product, { shop: ctx.shopId, handle })) {
      throw new AppError('CONFLICT', `handle: a product with handle "${handle}" already exists`);
    }
    const product = ctx.em.create(Product, {
      shop: ctx.shopId,
      title: input.title,
      handle,
      description: input.description ?? null,
      status: input.status,
    });
    const variants = input.variants.map((v) =>
      ctx.em.create(ProductVariant, { shop: ctx.shopId, product: product.id, title: v.title, sku: v.sku ?? null, priceCents: v.price_cents }),
    );
    await ctx.em.flush();
    return productOf(product, variants);
  });
