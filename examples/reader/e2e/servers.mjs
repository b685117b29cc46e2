// The e2e's servers: a generated archive served by the API in trusted-documents-only mode, and the built
// reader served by `vite preview`, which passes /graphql on to the API. Each runs in its own process group,
// so stopping it ends it and nothing else.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const readerDir = resolve(import.meta.dirname, '..');
const repo = resolve(readerDir, '../..');
const apiProject = join(repo, 'src/GraphQLArchive.Api');

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

const running = [];
const scratch = [];

function start(name, command, args, env, log) {
  const out = openSync(log, 'a');
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
  running.push({ name, child });
  return child;
}

export function stopAll() {
  for (const { child } of running.splice(0)) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  for (const folder of scratch.splice(0)) rmSync(folder, { recursive: true, force: true });
}

async function waitFor(url, child, name, log, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} during start-up; see ${log}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch { await new Promise((r) => setTimeout(r, 250)); }
  }
  throw new Error(`${name} did not answer at ${url} within ${seconds} s; see ${log}`);
}

/** Builds the API (a no-op when it is built), generates `articles` articles, and serves them with the reader's trusted documents. */
export async function startApi({ articles, persistedDir, logDir }) {
  const dotnet = (args) => execFileSync('dotnet', args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  // .ci/run has just built the solution for its tests: READER_E2E_API_BUILT=1 skips the build here.
  if (process.env.READER_E2E_API_BUILT !== '1') dotnet(['build', apiProject, '-nologo', '-v', 'quiet']);
  const folder = mkdtempSync(join(tmpdir(), 'reader-e2e-'));
  scratch.push(folder);
  const database = join(folder, 'archive.db');
  dotnet(['run', '--no-build', '--project', apiProject, '--', 'generate', '--articles', String(articles), '--database', `Data Source=${database}`, '--seed', '42']);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = join(logDir, 'api.log');
  const child = start('API', 'dotnet', ['run', '--no-build', '--no-launch-profile', '--project', apiProject], {
    ASPNETCORE_URLS: url,
    ConnectionStrings__Archive: `Data Source=${database}`,
    Archive__PersistedOperations__Directory: persistedDir,
    Archive__PersistedOperations__OnlyAllowPersistedDocuments: 'true',
  }, log);
  await waitFor(`${url}/readyz`, child, 'The API', log);
  return `${url}/graphql`;
}

/** Serves dist/ with `vite preview`, /graphql proxied to `graphqlUrl`. */
export async function startReader({ graphqlUrl, logDir }) {
  const port = await freePort();
  const log = join(logDir, 'preview.log');
  const vite = join(readerDir, 'node_modules/vite/bin/vite.js');
  const child = start('vite preview', process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { ARCHIVE_GRAPHQL_URL: graphqlUrl }, log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, 'vite preview', log);
  return url;
}
