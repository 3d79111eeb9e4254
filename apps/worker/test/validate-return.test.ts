import { afterAll, beforeAll, expect, test } from 'vitest';
import { ReturnRequest, ReturnRequestLine, type ReturnStatus } from '@cartly/db';
import { createTestDatabase, type TestDatabase } from '@cartly/db/testing';
import { validateReturnActivities } from '../src/returns/validate-return.js';
import type { ActivityDeps } from '../src/activities/deps.js';
import { seedReturn, type SeededReturn } from './support/fixtures.js';

/*
 * ValidateReturn's re-check of the units at decision time, on its own: what
 * other returns of the same order line hold (one statement folds the rule of
 * activeReturnQuantities into the request's read).
 */

let db: TestDatabase;
let validate: ReturnType<typeof validateReturnActivities>['ValidateReturn'];

beforeAll(async () => {
  db = await createTestDatabase();
  // ValidateReturn reads the database only.
  validate = validateReturnActivities({ orm: db.orm } as ActivityDeps).ValidateReturn;
});
afterAll(() => db.drop());

/** The seeded return (2 of a line of 2), approved, beside another return of `quantity` of the same line in `status`. */
async function approvedBeside(other: { status: ReturnStatus; quantity: number; expired?: boolean }): Promise<SeededReturn> {
  const seed = await seedReturn(db.orm);
  const em = db.orm.em.fork();
  const request = await em.findOneOrFail(ReturnRequest, { id: seed.returnId });
  request.status = 'approved';
  const [line] = await em.find(ReturnRequestLine, { returnRequest: seed.returnId });
  const expiresAt = new Date(Date.now() + (other.expired ? -60_000 : 3_600_000));
  const second = em.create(ReturnRequest, {
    shop: seed.shopId, customer: seed.customerId, order: seed.orderId, currency: 'USD', amountCents: 2000 * other.quantity,
    status: other.status, expiresAt, workflowId: `other-${seed.returnId}`,
  });
  em.create(ReturnRequestLine, { shop: seed.shopId, returnRequest: second.id, orderLine: line!.orderLine, quantity: other.quantity, reason: 'damaged' });
  await em.flush();
  return seed;
}

const ref = (s: SeededReturn) => ({ returnId: s.returnId, shopId: s.shopId });

test('units another approved or pending return holds cannot be returned twice', async () => {
  expect(await validate(ref(await approvedBeside({ status: 'approved', quantity: 1 })))).toEqual({
    eligible: false, reason: 'only 1 of "Tee 1" can still be returned',
  });
  expect(await validate(ref(await approvedBeside({ status: 'requested', quantity: 2 })))).toEqual({
    eligible: false, reason: 'only 0 of "Tee 1" can still be returned',
  });
});

test('a rejected return, or a pending one past its deadline, holds nothing', async () => {
  expect(await validate(ref(await approvedBeside({ status: 'rejected', quantity: 2 })))).toEqual({ eligible: true });
  expect(await validate(ref(await approvedBeside({ status: 'requested', quantity: 2, expired: true })))).toEqual({ eligible: true });
});

test('another shop\'s id finds no request', async () => {
  const seed = await approvedBeside({ status: 'rejected', quantity: 1 });
  const other = await seedReturn(db.orm);
  expect(await validate({ returnId: seed.returnId, shopId: other.shopId })).toMatchObject({ eligible: false, reading: { kind: 'missing' } });
});
