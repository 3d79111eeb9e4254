// Where the embedded PostgreSQL keeps its binaries and its data.
//
// As an ordinary user PostgreSQL runs as us, so the clone's own node_modules and .data/ serve.
// As root it runs as the `postgres` user, which must be able to enter every folder above both
// (root's home is mode 700, so is a `mktemp -d` folder). When it cannot, the binaries are copied
// once to a shared folder it can reach and the data dir lives beside them, one per clone and
// purpose; `.data/pg-<purpose>.location` records where, and its absence (`.data` deleted to start
// over) discards the old data there too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The first folder on the way to `target` that `ids` cannot enter, or null if it can reach it. */
export function unreachableDir(target, { uid, gid }) {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    let st;
    try { st = fs.statSync(dir); } catch { return dir; }
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/** Candidate shared roots, most durable first (/var/tmp survives reboots on most systems). */
function sharedRoots() {
  return [...new Set(['/var/tmp', os.tmpdir(), '/tmp'])].map((d) => path.join(d, 'cartly-postgres'));
}

function copyBinaries(nativeDir, into) {
  // The platform package's version names the copy, so an upgrade gets a fresh one.
  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8'));
  const target = path.join(into, `pg-${version}`);
  if (fs.existsSync(path.join(target, '.complete'))) return target;
  const staging = `${target}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  fs.writeFileSync(path.join(staging, '.complete'), '');
  try { fs.renameSync(staging, target); } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true }); // another process copied it first
    if (!fs.existsSync(path.join(target, '.complete'))) throw e;
  }
  return target;
}

/**
 * Picks the binary and data folders. `ids` is the uid/gid PostgreSQL will run as (null when it runs
 * as us). Returns `{ nativeDir, dataDir, moved }`.
 */
export function postgresLocation({ nativeDir, dataDir, ids }) {
  dataDir = path.resolve(dataDir);
  if (!ids || (!unreachableDir(path.join(nativeDir, 'bin', 'postgres'), ids) && !unreachableDir(dataDir, ids))) {
    return { nativeDir, dataDir, moved: false };
  }
  const root = sharedRoots().find((r) => {
    try {
      fs.mkdirSync(r, { recursive: true, mode: 0o755 });
      fs.chmodSync(r, 0o755);
      return !unreachableDir(path.join(r, 'x'), ids);
    } catch { return false; }
  });
  if (!root) throw new Error(`PostgreSQL runs as user "postgres" and cannot reach ${unreachableDir(dataDir, ids)}, nor any of ${sharedRoots().join(', ')}`);

  const movedNative = unreachableDir(path.join(nativeDir, 'bin', 'postgres'), ids) ? copyBinaries(nativeDir, root) : nativeDir;
  const clone = crypto.createHash('sha256').update(fs.realpathSync(path.dirname(dataDir))).digest('hex').slice(0, 16);
  const movedData = path.join(root, `${clone}-${path.basename(dataDir)}`);
  const marker = `${dataDir}.location`;
  if (!fs.existsSync(marker)) fs.rmSync(movedData, { recursive: true, force: true }); // .data was reset: so is this
  fs.writeFileSync(marker, `${movedData}\n`);
  return { nativeDir: movedNative, dataDir: movedData, moved: true };
}
