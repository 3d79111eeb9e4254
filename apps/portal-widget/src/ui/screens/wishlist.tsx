import { listWishlist, removeFromWishlist, type WishlistItem } from '../../api/wishlist.js';
import { usePortal } from '../context.js';
import { Empty, ErrorNote, Loaded, money, ScreenTitle, useAction, useLoad } from '../kit.js';

export function Wishlist({ currency }: { currency: string }) {
  const { api } = usePortal();
  const load = useLoad(() => listWishlist(api));
  return (
    <section>
      <ScreenTitle>Wishlist</ScreenTitle>
      <Loaded load={load} label="Loading your wishlist…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Your wishlist is empty. Save items from your orders to find them here.</Empty>
          ) : (
            <ul class="cp-cards">
              {page.items.map((item) => (
                <Item key={item.id} item={item} currency={currency} onRemoved={load.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function Item({ item, currency, onRemoved }: { item: WishlistItem; currency: string; onRemoved(): void }) {
  const { api } = usePortal();
  const remove = useAction(async () => {
    await removeFromWishlist(api, item.id);
    onRemoved();
  });
  return (
    <li class="cp-card" aria-label={`${item.product_title} ${item.variant_title}`}>
      <strong>{item.product_title}</strong> <span>{item.variant_title}</span>
      <p>{money(item.price_cents, currency)}</p>
      <button type="button" class="cp-button cp-secondary" disabled={remove.pending} onClick={() => void remove.run()} aria-label={`Remove ${item.product_title} from wishlist`}>
        Remove
      </button>
      {remove.error && <ErrorNote error={remove.error} />}
    </li>
  );
}
