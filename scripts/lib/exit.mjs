// One registry that tears down child services when this process ends.
// `kill` must be synchronous (it runs in the 'exit' event); `stop` may be async.
import os from 'node:os';

const hooks = new Set();
let installed = false;
let stopping = false;

async function stopAll(timeoutMs = 15000) {
  const timer = new Promise((r) => setTimeout(r, timeoutMs).unref());
  await Promise.race([Promise.allSettled([...hooks].map((h) => h.stop())), timer]);
}

function install() {
  installed = true;
  process.on('exit', () => { for (const h of hooks) { try { h.kill(); } catch {} } });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const handler = async () => {
      if (stopping) process.exit(128 + os.constants.signals[sig]); // second signal: give up waiting
      stopping = true;
      await stopAll();
      // Only exit if nobody else handles this signal; otherwise leave exiting to them.
      if (process.listenerCount(sig) <= 1) process.exit(128 + os.constants.signals[sig]);
      stopping = false;
    };
    process.on(sig, handler);
  }
}

export function onExit(hook) {
  if (!installed) install();
  hooks.add(hook);
  return () => hooks.delete(hook);
}
