// Where the server under test is, as the dotnet test that starts it passes it on.
import assert from 'node:assert/strict';

export const url = process.env.GRAPHQL_URL;
export const apiKey = process.env.ARCHIVE_API_KEY;
assert.ok(url, 'GRAPHQL_URL is not set: run this suite from dotnet test (ClientSuiteTests), or set it to a running server\'s /graphql.');

/** A plain POST, for setting up what a client test then reads. */
export async function post(query, variables, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** A page no earlier run has stored (pages are recognised by their text), with one report. */
export function newPage(tag) {
  const headline = `李明主持召开安全生产会议${tag}`;
  return {
    headline,
    text: `${headline}\n\n本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议,研究部署安全生产工作。市领导王芳参加。${tag}\n`,
  };
}

export async function ingest(text, page = 2) {
  const result = await post(
    'mutation($input: IngestPageInput!) { ingestPage(input: $input) { created articles { id headline } } }',
    { input: { text, editionDate: '2021-08-03', newspaper: '太原日报', page } },
    { 'x-api-key': apiKey },
  );
  assert.equal(result.body.errors, undefined, JSON.stringify(result.body.errors));
  return result.body.data.ingestPage;
}

/**
 * The protocols do not confirm that a subscription is in place, so a page stored in the same instant may
 * come before it. Ingests a new page until the event arrives (at most 5 tries), and returns the stored pages.
 */
export async function ingestUntil(event, tag, pageNumber) {
  const stored = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const page = newPage(`${tag}${Date.now()}-${attempt}`);
    stored.push({ page, result: await ingest(page.text, pageNumber) });
    const arrived = await Promise.race([event.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 2000))]);
    if (arrived) return stored;
  }
  assert.fail('no event arrived after 5 stored pages');
}
