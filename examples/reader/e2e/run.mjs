// The reader in headless Chromium (Debian's, driven by playwright-core) against a generated archive of a few
// thousand articles, the API accepting only the reader's trusted documents:
//   1. the feed scrolls through 6 pages by cursor: no duplicate, newest first, the same articles as the API's;
//   2. a 2- and a 4-character search: the shown count is the API's totalCount; marks are elements; a facet
//      click narrows the results to the facet's count, which is the API's totalCount under that filter;
//   3. an official's page, a project's page and its location's page;
//   4. every request stays on this machine, and every GraphQL request is a persisted-query hash.
// Usage: npm run build && npm run e2e   (CHROMIUM, READER_E2E_ARTICLES, READER_E2E_ARTIFACTS to override;
// READER_E2E_API_BUILT=1 when the API is built already)
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readerDir, startApi, startReader, stopAll } from './servers.mjs';

const artifacts = process.env.READER_E2E_ARTIFACTS ?? join(readerDir, 'e2e/artifacts');
const articles = Number(process.env.READER_E2E_ARTICLES ?? 3000);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

let passed = 0;
const failures = [];
const started = Date.now();
const ok = (message) => { passed++; console.log(`ok   ${message}`); };
const phase = (name) => console.log(`--   ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const fail = (message) => { failures.push(message); console.error(`FAIL ${message}`); };
const check = (condition, message, detail = '') => (condition ? ok(message) : fail(detail ? `${message}: ${detail}` : message));

// The reader's operations by name, as the trusted documents' hashes: the test asks the API what the page should show.
const manifest = JSON.parse(readFileSync(join(readerDir, 'src/gql/persisted-documents.json'), 'utf8'));
const hashes = Object.fromEntries(Object.entries(manifest).map(([key, text]) => [/(?:query|mutation) (\w+)/.exec(text)[1], key.replace(/^sha256:/, '')]));

let graphqlUrl;
async function api(operation, variables) {
  const url = new URL(graphqlUrl);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashes[operation] } }));
  const answer = await (await fetch(url)).json();
  if (answer.errors) throw new Error(`${operation} ${JSON.stringify(variables)}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

async function apiArticleIds(count, where) {
  const ids = [];
  let after = null;
  while (ids.length < count) {
    const { articles } = await api('ArticleList', { where, first: Math.min(50, count - ids.length), after });
    ids.push(...articles.edges.map((e) => e.node.id));
    if (!articles.pageInfo.hasNextPage) break;
    after = articles.pageInfo.endCursor;
  }
  return ids;
}

const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(protocol) || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
};

const profile = mkdtempSync(join(tmpdir(), 'reader-e2e-profile-'));
let context;
try {
  graphqlUrl = await startApi({ articles, persistedDir: join(readerDir, 'persisted'), logDir: artifacts });
  phase('API serving the generated archive');
  const base = await startReader({ graphqlUrl, logDir: artifacts });
  console.log(`reader at ${base}, API at ${graphqlUrl}, ${articles} generated articles`);

  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const offsite = new Set();
  const graphqlRequests = [];
  const graphqlErrors = [];
  const expectedErrors = [];
  context.on('request', (request) => {
    if (!isLocal(request.url())) offsite.add(request.url());
    if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request);
  });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  context.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    const body = await response.text().catch(() => '');
    if (response.status() !== 200 || body.includes('"errors"')) graphqlErrors.push(`${response.status()} ${response.url()}: ${body.slice(0, 300)}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  const shot = (name) => page.screenshot({ path: join(artifacts, `reader-${name}.png`) });
  const articleIds = () => page.locator('[data-testid=article]').evaluateAll((cards) => cards.map((c) => c.dataset.id));
  const noErrorShown = async (where) => check((await page.locator('[data-testid=query-error], .error').count()) === 0, `${where}: no error shown`);

  phase('browser started');
  // 1. The feed, six pages by infinite scroll.
  await page.goto(`${base}/#/`);
  await page.locator('[data-testid=article]').first().waitFor();
  await shot('feed');
  for (let pageNo = 2; pageNo <= 6; pageNo++) {
    const before = (await articleIds()).length;
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article]').length > n, before, { timeout: 15_000 })
      .catch(() => fail(`feed: scrolling to the end did not load page ${pageNo} (${before} articles shown)`));
  }
  const feed = await articleIds();
  check(feed.length >= 60, 'feed: 6 pages loaded by scrolling', `${feed.length} articles`);
  const duplicates = feed.filter((id, i) => feed.indexOf(id) !== i);
  check(duplicates.length === 0, 'feed: no article shown twice', `${duplicates.length} duplicates, e.g. ${duplicates[0]}`);
  const dates = await page.locator('[data-testid=article] time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  check(dates.every((d, i) => i === 0 || !d || !dates[i - 1] || dates[i - 1] >= d), 'feed: newest first');
  const expected = await apiArticleIds(feed.length);
  check(JSON.stringify(feed) === JSON.stringify(expected), "feed: the same articles in the same order as the API's cursor pages",
    `first difference at ${feed.findIndex((id, i) => id !== expected[i])}`);
  check((await page.locator('[data-testid=article]').first().locator('[data-testid=official-link]').count()) > 0, 'feed: officials shown with their roles');
  check(/\d{4}年\d{1,2}月\d{1,2}日/.test(await page.locator('[data-testid=article] .meta').first().innerText()), 'feed: dates shown as 2021年7月29日');
  await noErrorShown('feed');

  phase('feed checked');
  // 2. Search: a 2- and a 4-character term, then a facet each.
  async function search(term, facetKind) {
    await page.goto(`${base}/#/search`);
    await page.getByTestId('search-input').fill(term);
    await page.getByTestId('search-input').press('Enter');
    const total = page.getByTestId('search-total');
    await total.waitFor();
    const shown = Number(await total.innerText());
    const { search: all } = await api('Search', { query: term, first: 1, order: 'RELEVANCE' });
    check(shown === all.totalCount && shown > 0, `search "${term}": shows the API's totalCount`, `shown ${shown}, API ${all.totalCount}`);
    const marks = await page.locator('[data-testid=highlight] mark').allInnerTexts();
    check(marks.length > 0 && marks.every((m) => m === term), `search "${term}": matches are <mark> elements holding the term`, JSON.stringify(marks.slice(0, 5)));
    const text = await page.locator('main').innerText();
    check(!/<\/?mark>|&lt;|&amp;/.test(text), `search "${term}": no markup or entity shown as text`);

    const facet = page.locator(`[data-testid=facet][data-kind=${facetKind}]`).first();
    const id = await facet.getAttribute('data-id');
    const count = Number(await facet.getAttribute('data-count'));
    await facet.click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=chips]') && document.querySelector('[data-testid=search-total]')?.textContent === String(n), count, { timeout: 15_000 })
      .catch(() => {});
    const narrowed = Number(await page.getByTestId('search-total').innerText().catch(() => 'NaN'));
    const where = facetKind === 'month'
      ? { and: [{ eventDate: { gte: `${id}-01`, lt: nextMonth(id) } }] }
      : { and: [{ [`${facetKind}s`]: { some: { id: { eq: id } } } }] };
    const { search: filtered } = await api('Search', { query: term, where, first: 1, order: 'RELEVANCE' });
    check(narrowed === count && count === filtered.totalCount && count < shown,
      `search "${term}": clicking the ${facetKind} facet narrows to its count, the API's totalCount under that filter`,
      `facet ${count}, shown ${narrowed}, API ${filtered.totalCount}, before ${shown}`);
    const facetsAgree = await page.locator(`[data-testid=facet][data-kind=${facetKind}][data-id="${id}"]`).getAttribute('data-count');
    check(Number(facetsAgree) === count, `search "${term}": the facets are counted under the narrowed filter too`, `bucket now ${facetsAgree}`);
    await noErrorShown(`search "${term}"`);
  }
  await search('项目', 'official');
  await shot('search');
  await search('重点项目', 'month');

  // A query the language refuses: the page says what is wrong, with the server's code, and does not break.
  await page.goto(`${base}/#/search?q=${encodeURIComponent('"防汛')}`);
  const refusal = page.getByTestId('query-error');
  await refusal.waitFor({ timeout: 15_000 }).catch(() => {});
  check(/SEARCH_SYNTAX/.test(await refusal.innerText().catch(() => '')), 'search: an unclosed quote shows the SEARCH_SYNTAX error', await page.locator('main').innerText());
  expectedErrors.push('SEARCH_SYNTAX');

  phase('search checked');
  // 3. An official, a project and its location.
  await page.goto(`${base}/#/`);
  const official = page.locator('[data-testid=official-link]').first();
  const officialName = await official.innerText();
  await official.click();
  await page.getByTestId('official-page').waitFor();
  await page.getByTestId('list-total').waitFor();
  check((await page.getByTestId('official-name').innerText()) === officialName, `official: ${officialName}'s page opens`);
  check((await page.locator('[data-testid=positions] tbody tr').count()) > 0, 'official: titles over time are listed');
  const officialId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const { articles: appearances } = await api('ArticleList', { where: { appearances: { some: { official: { id: { eq: officialId } } } } }, first: 1 });
  check((await page.getByTestId('list-total').innerText()) === `共 ${appearances.totalCount} 篇`, "official: the count of reports is the API's", await page.getByTestId('list-total').innerText());
  await noErrorShown('official');
  await shot('official');
  // By role: the tab narrows the reports to the appearances in that role, newest first.
  await page.locator('nav.tabs a', { hasText: '出席' }).click();
  await page.waitForURL(/role=ATTENDED/);
  const { articles: attended } = await api('ArticleList', { where: { appearances: { some: { official: { id: { eq: officialId } }, role: { eq: 'ATTENDED' } } } }, first: 1 });
  await page.waitForFunction((text) => document.querySelector('[data-testid=list-total]')?.textContent === text, `共 ${attended.totalCount} 篇`, { timeout: 15_000 }).catch(() => {});
  check((await page.getByTestId('list-total').innerText()) === `共 ${attended.totalCount} 篇` && attended.totalCount < appearances.totalCount,
    "official: the 出席 tab shows the API's count of reports in that role", `${await page.getByTestId('list-total').innerText()}, API ${attended.totalCount} of ${appearances.totalCount}`);
  const roles = await page.locator('[data-testid=article]').evaluateAll((cards) => cards.map((card) => [...card.querySelectorAll('li.current .role')].map((r) => r.textContent).join('/')));
  check(roles.length > 0 && roles.every((r) => r.split('/').includes('出席')), `official: every report listed shows ${officialName} as 出席`, roles.slice(0, 5).join(' '));

  await page.goto(`${base}/#/search?q=${encodeURIComponent('重点项目')}`);
  await page.getByTestId('search-total').waitFor();
  const project = page.locator('[data-testid=project-link]').first();
  const projectName = await project.innerText();
  await project.click();
  await page.getByTestId('project-page').waitFor();
  check((await page.getByTestId('project-name').innerText()) === projectName, `project: ${projectName}'s page opens`);
  const projectId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const { projectById } = await api('Project', { id: projectId });
  check((await page.locator('[data-testid=facts] tbody tr').count()) === projectById.facts.length, 'project: every figure is listed', `${projectById.facts.length} figures`);
  const money = await page.locator('.summary').innerText();
  check(projectById.totalInvestment == null || /[亿万]元/.test(money), 'project: money in 亿元/万元', money.replace(/\s+/g, ' '));
  await page.getByTestId('list-total').waitFor();
  await noErrorShown('project');
  await shot('project');

  // The place one level above the project's: it lists the project's place among the places inside it.
  const trail = page.locator('[data-testid=location-trail] a');
  const levels = await trail.allInnerTexts();
  check(levels.length >= 2, "project: its location's hierarchy is shown", levels.join(' › '));
  const placeName = levels.at(-2);
  await trail.nth(levels.length - 2).click();
  await page.getByTestId('location-page').waitFor();
  await page.getByTestId('list-total').waitFor();
  check((await page.getByTestId('location-name').innerText()) === placeName, `location: ${placeName}'s page opens`);
  const children = await page.locator('[data-testid=children] a').allInnerTexts();
  check(children.includes(levels.at(-1)), `location: ${placeName} lists ${levels.at(-1)} among its places`, children.join('、'));
  const placeId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const { articles: placeReports } = await api('ArticleList', { where: { locations: { some: { id: { eq: placeId } } } }, first: 1 });
  check((await page.getByTestId('list-total').innerText()) === `共 ${placeReports.totalCount} 篇`, "location: the count of reports is the API's");
  await noErrorShown('location');
  await shot('location');

  phase('official, project and location checked');
  // 4. What the page sent.
  check(offsite.size === 0, 'no request left this machine', [...offsite].join(', '));
  const unpersisted = graphqlRequests.filter((r) => r.method() !== 'GET' || new URL(r.url()).searchParams.has('query') || !new URL(r.url()).searchParams.get('extensions')?.includes('sha256Hash'));
  check(graphqlRequests.length > 0 && unpersisted.length === 0, `all ${graphqlRequests.length} GraphQL requests were persisted-query hashes over GET`, unpersisted.map((r) => r.url()).slice(0, 3).join(' '));
  const unexpected = graphqlErrors.filter((e) => !expectedErrors.some((code) => e.includes(code)));
  check(unexpected.length === 0, 'no GraphQL request failed but the refused search', unexpected.slice(0, 3).join(' | '));
  check(pageErrors.length === 0, 'no error in the page or its console', pageErrors.slice(0, 3).join(' | '));
} catch (error) {
  fail(error instanceof Error ? error.stack ?? error.message : String(error));
  await context?.pages()[0]?.screenshot({ path: join(artifacts, 'reader-failure.png') }).catch(() => {});
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  stopAll();
}

function nextMonth(month) {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

console.log(`screenshots and logs: ${artifacts}`);
console.log(`e2e: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
