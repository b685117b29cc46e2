// Live updates: the npm graphql-ws client over WebSocket and the graphql-sse client over Server-Sent Events
// each subscribe, a page is ingested, and both see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { ingestUntil, url } from './lib/server.mjs';

const PAGES = 'subscription { pageIngested { edition { newspaper date page } articles { id headline eventDate } } }';
const ARTICLES = 'subscription { articleStored { id headline appearances { role official { name } } } }';

/** The first event of a subscription, and how to stop it. */
function firstEvent(client, query) {
  const events = client.iterate({ query });
  return { next: events.next(), stop: () => events.return() };
}

test('graphql-ws: pageIngested and articleStored arrive after ingestPage', async () => {
  const client = createWsClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
  try {
    const pages = firstEvent(client, PAGES);
    const articles = firstEvent(client, ARTICLES);
    const stored = await ingestUntil(Promise.all([pages.next, articles.next]), 'ws', 5);
    assert.ok(stored.every((s) => s.result.created));

    const { value: pageEvent } = await pages.next;
    assert.equal(pageEvent.errors, undefined, JSON.stringify(pageEvent.errors));
    assert.deepEqual(pageEvent.data.pageIngested.edition, { newspaper: '太原日报', date: '2021-08-03', page: 5 });
    const ids = pageEvent.data.pageIngested.articles.map((a) => a.id);
    assert.ok(stored.some((s) => JSON.stringify(s.result.articles.map((a) => a.id)) === JSON.stringify(ids)), 'the event names a stored page');

    const { value: articleEvent } = await articles.next;
    assert.ok(stored.some((s) => s.page.headline === articleEvent.data.articleStored.headline));
    assert.ok(articleEvent.data.articleStored.appearances.some((a) => a.official.name === '李明' && a.role === 'PRESIDED'));
    await pages.stop();
    await articles.stop();
  } finally {
    await client.dispose();
  }
});

test('graphql-ws: an invalid subscription is answered with an error message, not a closed socket', async () => {
  const client = createWsClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    const error = await client.iterate({ query: 'subscription { nope }' }).next().then(() => null, (e) => e);
    assert.ok(Array.isArray(error), `an array of GraphQL errors, got ${error}`);
    assert.equal(error[0].extensions.code, 'FIELDS_ON_CORRECT_TYPE');
  } finally {
    await client.dispose();
  }
});

test('graphql-sse (distinct connections): pageIngested arrives after ingestPage, and a query streams one result', async () => {
  const client = createSseClient({ url, retryAttempts: 0 });
  try {
    const pages = firstEvent(client, PAGES);
    const stored = await ingestUntil(pages.next, 'sse', 6);

    const { value } = await pages.next;
    assert.equal(value.data.pageIngested.edition.page, 6);
    assert.ok(stored.some((s) => s.result.articles[0].id === value.data.pageIngested.articles[0].id));
    await pages.stop();

    const results = [];
    for await (const result of client.iterate({ query: '{ articles(first: 1) { totalCount } }' })) results.push(result);
    assert.equal(results.length, 1);
    assert.ok(results[0].data.articles.totalCount >= 3);
  } finally {
    client.dispose();
  }
});
