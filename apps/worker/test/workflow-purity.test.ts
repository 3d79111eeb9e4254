import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { checkWorkflowSource, checkWorkflowsDir } from './support/workflow-purity.js';
import { approveSignal, rejectSignal, statusQuery } from '../src/workflows/index.js';
import type { RmaSignalArgs } from '../src/workflows/index.js';

const workflowsDir = fileURLToPath(new URL('../src/workflows/', import.meta.url));

test('src/workflows imports values only from @temporalio/workflow and sibling workflow files', () => {
  expect(readdirSync(workflowsDir).length).toBeGreaterThan(0);
  expect(checkWorkflowsDir(workflowsDir)).toEqual([]);
});

test('the guard catches builtins, value imports of activities or packages, require and dynamic import', () => {
  const bad = [
    `import { readFileSync } from 'node:fs';`,
    `import crypto from 'crypto';`,
    `import { createActivities } from '../activities/index.js';`,
    `import { Order } from '@cartly/db';`,
    `import { type A, b } from '../activities/index.js';`,
    `import './side-effect-elsewhere/x.js';`,
    `export { x } from '@cartly/payments';`,
    `const fs = require('fs');`,
    `const m = await import('./rma.js');`,
  ].join('\n');
  const found = checkWorkflowSource('bad.ts', bad);
  expect(found.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(found[0]!.why).toMatch(/Node builtin/);
  expect(found[1]!.why).toMatch(/Node builtin/);
});

test('the guard allows what workflows legitimately use', () => {
  const good = [
    `import { proxyActivities, condition } from '@temporalio/workflow';`,
    `import type { RmaActivities } from '../activities/index.js';`,
    `import { type IOrder } from '@cartly/db';`,
    `import { REFUND_REFUSED, type RmaState } from './rma-types.js';`,
    `export { RMAWorkflow } from './rma.js';`,
    `export type { RmaState } from './rma-types.js';`,
    `type T = import('node:fs').Stats;`,
  ].join('\n');
  expect(checkWorkflowSource('good.ts', good)).toEqual([]);
});

test('signal and query names are the ones the API sends by name', () => {
  const names: Record<keyof RmaSignalArgs, string> = { approve: approveSignal.name, reject: rejectSignal.name };
  expect(names).toEqual({ approve: 'approve', reject: 'reject' });
  expect(statusQuery.name).toBe('status');
});
