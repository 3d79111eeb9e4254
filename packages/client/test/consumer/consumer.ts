// What a Cartly front end writes. It must compile, and every `@ts-expect-error` below must be an error:
// the API's types reach the consumer, so an API change breaks the consumer's build, not its users.
import { cartlyError, createCartlyClient, fieldError, isCartlyError, type RouterInputs, type RouterOutputs } from '@cartly/client';

let cat: string | undefined;
const client = createCartlyClient({ apiUrl: 'https://api.example.test', storefrontAccessToken: 'sat_x', customerAccessToken: () => cat });

export async function addressBook(): Promise<string[]> {
  const page = await client.account.addresses.list.query({ limit: 10 });
  return page.items.map((a) => `${a.address1}, ${a.city} ${a.country_code}`);
}

export async function login(identifier: string, code: string): Promise<void> {
  const session = await client.passwordless.otp.verify.mutate({ identifier, code });
  const token: string = session.access_token;
  cat = token;
}

type ReturnInput = RouterInputs['returns']['create'];
export const returnInput: ReturnInput = { order_id: '0190a0a0-0000-7000-8000-000000000000', lines: [{ order_line_id: '0190a0a0-0000-7000-8000-000000000001', quantity: 1, reason: 'damaged' }] };
type OrderOut = RouterOutputs['account']['orders']['get'];
export const fulfilled = (o: OrderOut): number => o.lines.reduce((n, l) => n + l.fulfilled_quantity, 0);

export async function safely(): Promise<string> {
  try {
    await client.returns.create.mutate(returnInput);
    return 'ok';
  } catch (e) {
    if (isCartlyError(e, 'UNAUTHENTICATED')) cat = undefined;
    const info = cartlyError(e);
    const code: 'VALIDATION_FAILED' | 'NETWORK_ERROR' | 'BUSINESS_RULE' | string = info.code;
    return `${code}: ${info.message} ${fieldError(e, 'lines.0.quantity') ?? ''}`;
  }
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error: no such procedure
  await client.account.addresses.listz.query({});
  // @ts-expect-error: a return line needs a reason from the API's list
  await client.returns.create.mutate({ order_id: 'x', lines: [{ order_line_id: 'y', quantity: 1, reason: 'bored' }] });
  const p = await client.account.profile.get.query();
  // @ts-expect-error: the profile has no password field
  p.password.toString();
  // @ts-expect-error: apiUrl is required
  createCartlyClient({ storefrontAccessToken: 'sat_x' });
}
