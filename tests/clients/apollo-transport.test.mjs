// Apollo's transport links against the server, as a front end configures them: createPersistedQueryLink
// (automatic persisted queries, hashed queries over GET) and BatchHttpLink (several operations in one POST).
// The server under test runs with batching on (ClientSuiteTests); each request is recorded on its way out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { url } from './lib/server.mjs';

/** fetch, keeping method, whether the request carried the document, and the status of every exchange. */
function recordingFetch(log) {
  return async (uri, options) => {
    const response = await fetch(uri, options);
    const body = options.body ? JSON.parse(options.body) : null;
    const parameters = new URL(uri).searchParams;
    log.push({
      method: options.method,
      status: response.status,
      sentQuery: Array.isArray(body) ? body.every((b) => 'query' in b) : Boolean(body?.query ?? parameters.get('query')),
      batchSize: Array.isArray(body) ? body.length : 1,
    });
    return response;
  };
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('Apollo createPersistedQueryLink: a hash-only request, the PERSISTED_QUERY_NOT_FOUND fall-back, then the hash alone', async () => {
  const log = [];
  const client = () => new ApolloClient({
    link: ApolloLink.from([
      createPersistedQueryLink({ sha256, useGETForHashedQueries: true }),
      new HttpLink({ uri: url, fetch: recordingFetch(log) }),
    ]),
    cache: new InMemoryCache(),
  });
  // A document no earlier run has registered, so that the first hash is unknown to the server.
  const alias = `a${randomUUID().replaceAll('-', '')}`;
  const query = gql`query Officials { ${alias}: officials(first: 2, order: [{ name: ASC }]) { nodes { id name } } }`;

  const first = await client().query({ query });
  const second = await client().query({ query });

  assert.equal(first.data[alias].nodes.length, 2);
  assert.deepEqual(second.data, first.data);
  assert.deepEqual(log.map(({ method, status, sentQuery }) => ({ method, status, sentQuery })), [
    { method: 'GET', status: 400, sentQuery: false }, // the hash alone: PERSISTED_QUERY_NOT_FOUND
    { method: 'POST', status: 200, sentQuery: true }, // the link's retry with the document and its hash
    { method: 'GET', status: 200, sentQuery: false }, // a new client: the hash alone is now enough
  ]);
});

test('Apollo createPersistedQueryLink: a mutation goes by POST and still runs', async () => {
  const log = [];
  const client = new ApolloClient({
    link: ApolloLink.from([createPersistedQueryLink({ sha256, useGETForHashedQueries: true }), new HttpLink({ uri: url, fetch: recordingFetch(log) })]),
    cache: new InMemoryCache(),
  });
  // Without the API key the mutation is refused by the resolver, which proves that it reached execution.
  const result = await client.mutate({
    mutation: gql`mutation Merge { mergeOfficials(input: { targetId: "T2ZmaWNpYWw6MQ==", sourceIds: ["T2ZmaWNpYWw6Mg=="] }) { official { id } } }`,
    errorPolicy: 'all',
  });
  assert.equal(result.error?.errors?.[0]?.extensions?.code, 'AUTH_NOT_AUTHENTICATED');
  assert.ok(log.every((entry) => entry.method === 'POST'), JSON.stringify(log));
});

test('Apollo BatchHttpLink: two queries in one POST, answered in order', async () => {
  const log = [];
  const client = new ApolloClient({
    link: new BatchHttpLink({ uri: url, batchInterval: 20, batchMax: 10, fetch: recordingFetch(log) }),
    cache: new InMemoryCache(),
  });

  const [officials, articles] = await Promise.all([
    client.query({ query: gql`query BatchedOfficials { officials(first: 2, order: [{ name: ASC }]) { nodes { id name } } }` }),
    client.query({ query: gql`query BatchedArticles { articles(first: 3, order: [{ eventDate: ASC }]) { nodes { id headline } } }` }),
  ]);

  assert.equal(officials.data.officials.nodes.length, 2);
  assert.equal(articles.data.articles.nodes.length, 3);
  assert.ok(articles.data.articles.nodes.every((node) => typeof node.headline === 'string'));
  assert.deepEqual(log.map(({ method, status, batchSize }) => ({ method, status, batchSize })), [{ method: 'POST', status: 200, batchSize: 2 }]);
});

test('Apollo BatchHttpLink: a failing operation errs alone and its neighbour still gets its data', async () => {
  const client = new ApolloClient({ link: new BatchHttpLink({ uri: url, batchInterval: 20 }), cache: new InMemoryCache() });

  const [good, bad] = await Promise.all([
    client.query({ query: gql`query Fine { articles(first: 1) { nodes { id } } }` }),
    client.query({ query: gql`query TooLarge { articles(first: 500) { nodes { id } } }`, errorPolicy: 'all' }),
  ]);

  assert.equal(good.data.articles.nodes.length, 1);
  assert.ok(bad.error?.errors?.[0]?.extensions?.code, JSON.stringify(bad));
});
