// Opens Banana Cake Pop at BASE_URL/graphql in headless Chromium, runs the pre-filled document
// and checks that the IDE got the schema and a data response, with no request leaving this
// machine. Usage: node smoke.mjs [baseUrl] [screenshot.png]   (run.sh starts the API first)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const baseUrl = (process.argv[2] ?? 'http://localhost:5000').replace(/\/$/, '');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
const screenshot = process.argv[3] || join(tmpdir(), `ide-smoke-${stamp}.png`);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const failures = [];
const fail = (message) => { failures.push(message); console.error(`FAIL ${message}`); };
const ok = (message) => console.log(`ok   ${message}`);

const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:'].includes(protocol)) return true;
  return ['localhost', '127.0.0.1', '[::1]', new URL(baseUrl).hostname].includes(hostname);
};

// A fresh profile each run: no cached service worker or documents from an earlier visit.
const userDataDir = mkdtempSync(join(tmpdir(), 'ide-smoke-profile-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

let exitCode = 1;
try {
  // Every request must stay on this machine: record and block anything else.
  const offsite = new Set();
  context.on('request', (r) => { if (!isLocal(r.url())) offsite.add(r.url()); });
  await context.route((url) => !isLocal(url.href), (route) => {
    offsite.add(route.request().url());
    return route.abort();
  });

  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => fail(`uncaught error in the page: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fail(`CSP violation: ${m.text()}`);
  });

  // Remember the GraphQL answers: introspection and the pre-filled document.
  let schemaSeen = false;
  const operationAnswers = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(response.url()).pathname !== '/graphql') return;
    const body = await response.text().catch(() => '');
    if ((request.postData() ?? '').includes('__schema')) {
      if (body.includes('"__schema"')) schemaSeen = true;
    } else if (!(request.postData() ?? '').includes('__type')) {
      operationAnswers.push({ status: response.status(), body });
    }
  });

  const schemaTimeout = Number(process.env.IDE_SMOKE_SCHEMA_TIMEOUT_MS ?? 120_000);
  const first = await page.goto(`${baseUrl}/graphql`);
  if (!page.url().endsWith('/graphql/')) fail(`expected a redirect to /graphql/, ended at ${page.url()}`);
  else if (first?.status() !== 200) fail(`/graphql/ answered ${first?.status()}`);
  else ok(`GET /graphql redirected to ${page.url()}`);

  // The IDE installs a service worker and reloads itself about 4 s after a first visit; a click
  // before that reload is lost. Wait for the reload itself rather than a fixed time.
  const reloaded = await page.waitForEvent('load', { timeout: 20_000 }).then(() => true, () => false);
  if (reloaded) ok('service worker installed and the page reloaded');
  else console.log('note no service-worker reload within 20 s; going on');
  await page.waitForTimeout(500);

  const create = page.getByRole('button', { name: /Create Document/ }).first();
  await create.waitFor({ timeout: 30_000 });
  ok('IDE rendered (Create Document button)');
  await create.click();

  // Opening a document introspects the endpoint taken from the browser URL (bcp-config.json).
  // Generous: on a loaded machine a server that has just started answers its first introspection slowly.
  const available = await page.getByText('Schema available', { exact: true })
    .waitFor({ timeout: schemaTimeout }).then(() => true, () => false);
  if (!available) {
    // The status bar's text, not the "Schema Reference" / "Schema Definition" tabs.
    const status = await page.getByText(/^Schema (?!Reference|Definition)/).first().textContent({ timeout: 2000 }).catch(() => null);
    throw new Error(`after ${schemaTimeout / 1000} s the IDE says "${status ?? 'nothing'}" about the schema: introspection of ` +
      `${baseUrl}/graphql failed (is the GraphQL endpoint mapped, and does it answer POST?)`);
  }
  if (schemaSeen) ok('IDE introspected the schema ("Schema available")');
  else fail('the IDE says "Schema available" but no introspection answer was seen');

  // The document is pre-filled from bcp-config.json's graphQLDocument: run it as it is.
  await page.getByRole('button', { name: /Run Operation/ }).first().click();
  const deadline = Date.now() + 30_000;
  while (operationAnswers.length === 0 && Date.now() < deadline) await page.waitForTimeout(200);
  const answer = operationAnswers[0];
  if (!answer) {
    fail('pressing Run sent no GraphQL request within 30 s');
  } else {
    let json;
    try { json = JSON.parse(answer.body); } catch { /* reported below */ }
    if (answer.status === 200 && json?.data && !json.errors) {
      ok(`pre-filled document answered 200 with data: ${answer.body.slice(0, 160)}…`);
    } else {
      fail(`pre-filled document answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    }
  }

  await page.waitForTimeout(1500); // let the Response panel render before the picture
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);

  if (offsite.size > 0) fail(`requests left this machine: ${[...offsite].join(', ')}`);
  else ok('no request left this machine');

  exitCode = failures.length === 0 ? 0 : 1;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  const page = context.pages()[0];
  if (page) {
    await page.screenshot({ path: screenshot }).catch(() => {});
    console.log(`screenshot: ${screenshot}`);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(exitCode === 0 ? 'IDE smoke test passed' : `IDE smoke test FAILED (${failures.length} problem(s))`);
process.exit(exitCode);
