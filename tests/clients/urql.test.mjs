// urql with graphcache, told the schema by the server's own introspection, and relayPagination over articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, fetchExchange, gql } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { getIntrospectionQuery } from 'graphql';
import { post, url } from './lib/server.mjs';

async function client() {
  const { body } = await post(getIntrospectionQuery());
  return new Client({
    url,
    // toPromise() tears the operation down after its result, which aborts a fetch graphcache may still have
    // in flight; in a test that abort surfaces after the test has ended.
    fetch: (input, init) => fetch(input, { ...init, signal: undefined }),
    exchanges: [
      cacheExchange({
        schema: body.data,
        // Connections, edges and page info have no id: they live inside their parent's entry.
        keys: { ArticlesConnection: () => null, ArticlesEdge: () => null, PageInfo: () => null, Appearance: () => null, Photo: () => null },
        resolvers: { Query: { articles: relayPagination() } },
      }),
      fetchExchange,
    ],
  });
}

const FEED = gql`
  query Feed($after: String) {
    articles(first: 2, after: $after, order: [{ eventDate: ASC }]) {
      edges { cursor node { id headline eventDate appearances { role official { id name } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

test('graphcache accepts the schema from introspection and merges two pages with relayPagination', async () => {
  const urql = await client();
  const page1 = await urql.query(FEED, {}).toPromise();
  assert.equal(page1.error, undefined, page1.error?.message);
  assert.equal(page1.data.articles.edges.length, 2);
  const page2 = await urql.query(FEED, { after: page1.data.articles.pageInfo.endCursor }).toPromise();
  assert.equal(page2.error, undefined, page2.error?.message);
  const ids = page2.data.articles.edges.map((edge) => edge.node.id);
  assert.ok(ids.length >= 3, `relayPagination returned both pages: ${ids}`);
  assert.deepEqual(ids.slice(0, 2), page1.data.articles.edges.map((edge) => edge.node.id));
});

test('an official read through two articles is one normalized entity', async () => {
  const urql = await client();
  const result = await urql.query(gql`{ officials(first: 1, order: [{ articleCount: DESC }]) { nodes { id name articles { id appearances { official { id name } } } } } }`, {}).toPromise();
  assert.equal(result.error, undefined, result.error?.message);
  const official = result.data.officials.nodes[0];
  assert.ok(official.articles.length >= 2);
  const again = official.articles.flatMap((article) => article.appearances).find((a) => a.official.id === official.id);
  assert.equal(again.official.name, official.name);
});

test('field errors reach urql as a CombinedError with the code', async () => {
  const urql = await client();
  const result = await urql.query(gql`{ articles(first: -1) { nodes { id } } }`, {}).toPromise();
  assert.equal(result.error.graphQLErrors[0].extensions.code, 'HC0079');
  assert.equal(result.error.graphQLErrors[0].extensions.fieldCoordinate, 'Query.articles');
});
