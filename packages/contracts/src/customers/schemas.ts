import { ZProfile } from '../account/schemas.js';

/** Merchants see a customer with the fields the customer sees of themself. */
export const ZAdminCustomer = ZProfile.describe('A customer of the shop.');
