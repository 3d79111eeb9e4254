import { p } from '@mikro-orm/core';
import { uuidv7 } from '../ids.js';

/** Columns every table shares: a time-ordered uuid key and a creation time. */
export const idColumn = () => p.uuid().primary().onCreate(() => uuidv7());
export const createdAtColumn = () => p.datetime().onCreate(() => new Date());
export const updatedAtColumn = () =>
  p.datetime().onCreate(() => new Date()).onUpdate(() => new Date());
