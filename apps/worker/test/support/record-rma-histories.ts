/*
 * Records histories of RMAWorkflow as an older commit ran it, for
 * rma-replay.test.ts: the workflow source of `<rev>` (taken with `git show`)
 * is bundled and run by a worker with today's activities, on the Temporal,
 * database and SMTP of the environment, through an approval and a rejection.
 * Writes test/histories/rma-<label>-{approve,reject}.json (protobuf JSON). Not part of the test run:
 *   DATABASE_URL=... TEMPORAL_ADDRESS=... node --conditions=source --import tsx \
 *     apps/worker/test/support/record-rma-histories.ts <rev> <label>
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { RmaDecision } from '@cartly/contracts/workflows';
import { createActivities } from '../../src/activities/index.js';
import { seedReturn } from './fixtures.js';
import { startWorkerHarness, temporalAddress } from './harness.js';

const [rev, label] = process.argv.slice(2);
if (!rev || !label) throw new Error('usage: record-rma-histories.ts <git rev> <label>');
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: here, encoding: 'utf8' }).trim();
// Inside the repository (ignored .data/), so the bundler resolves @temporalio/workflow from its node_modules.
const dir = path.join(repo, '.data', 'old-workflows', label);
for (const file of ['returns/rma-workflow.ts', 'returns/rma-types.ts']) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), execFileSync('git', ['show', `${rev}:apps/worker/src/${file}`], { cwd: repo }));
}
fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
fs.writeFileSync(path.join(dir, 'workflows', 'index.ts'), "export { RMAWorkflow } from '../returns/rma-workflow.js';\n");

const h = await startWorkerHarness(`record-${label}`);
const connection = await NativeConnection.connect({ address: temporalAddress() });
try {
  const worker = await Worker.create({
    connection,
    taskQueue: h.taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: path.join(dir, 'workflows', 'index.ts') }),
    activities: createActivities({ orm: h.db.orm, mailer: h.mailer, payments: h.ledger }),
  });
  const decisions: Record<string, RmaDecision> = {
    approve: { kind: 'approve', note: 'recorded for the replay test' },
    reject: { kind: 'reject', reason: 'final_sale', note: null },
  };
  await worker.runUntil(async () => {
    for (const [name, decision] of Object.entries(decisions)) {
      const seed = await seedReturn(h.db.orm);
      const handle = await h.startRma(seed);
      await h.decide(seed, handle, decision);
      console.log(`${label} ${name}: ${await handle.result()}`);
      fs.writeFileSync(path.join(here, '..', 'histories', `rma-${label}-${name}.json`), JSON.stringify(((await handle.fetchHistory()) as unknown as { toJSON(): unknown }).toJSON(), null, 1) + '\n');
    }
  });
} finally {
  await connection.close();
  await h.close();
}
