import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { uuidv7 } from './ids.js';

/**
 * Gives a new entity its id the moment `em.create` builds it (onCreate would
 * only run at flush), so related rows can reference it before the flush.
 */
export class AssignIds implements EventSubscriber {
  onInit(args: EventArgs<{ id?: string }>): void {
    if (args.entity.id === undefined && args.meta.primaryKeys[0] === 'id') args.entity.id = uuidv7();
  }
}
