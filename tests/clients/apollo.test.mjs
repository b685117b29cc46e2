// Apollo Client 4 as a front end uses it: a plain HttpLink, a normalized cache, and relayStylePagination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ingestUntil, url } from './lib/server.mjs';

function client() {
  return new ApolloClient({
    link: new HttpLink({ uri: url }),
    cache: new InMemoryCache({
      typePolicies: { Query: { fields: { articles: relayStylePagination(['where', 'order']) } } },
    }),
  });
}

const FEED = gql`
  query Feed($after: String) {
    articles(first: 2, after: $after, order: [{ eventDate: ASC }]) {
      edges { cursor node { id headline eventDate } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const FEED_WITH_LISTS = gql`
  query FeedWithLists($after: String) {
    articles(first: 2, after: $after, order: [{ eventDate: ASC }]) {
      edges { cursor node { id headline appearances { role titles official { id name } } photos { caption } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

test('a query over HttpLink is normalized: the same article read twice is one cache entry', async () => {
  const apollo = client();
  const { data } = await apollo.query({
    query: gql`{ articles(first: 3, order: [{ eventDate: ASC }]) { nodes { id headline eventDate } } }`,
  });
  assert.equal(data.articles.nodes.length, 3);
  const first = data.articles.nodes[0];
  assert.match(first.eventDate, /^\d{4}-\d{2}-\d{2}$/);
  const { data: again } = await apollo.query({ query: gql`query($id: ID!) { node(id: $id) { id ... on Article { headline } } }`, variables: { id: first.id } });
  assert.equal(again.node.headline, first.headline);
  assert.equal(apollo.cache.extract()[`Article:${first.id}`].headline, first.headline);
});

/** Page 1, then page 2 from its endCursor, merged by relayStylePagination: what the cache then holds for the feed. */
async function twoPages(query) {
  const apollo = client();
  const page1 = await apollo.query({ query });
  assert.equal(page1.data.articles.edges.length, 2);
  assert.equal(page1.data.articles.pageInfo.hasNextPage, true);
  await apollo.query({ query, variables: { after: page1.data.articles.pageInfo.endCursor }, fetchPolicy: 'network-only' });
  const merged = apollo.readQuery({ query }).articles.edges;
  return { page1: page1.data.articles.edges, merged };
}

test('relayStylePagination appends page 2 after page 1 (endCursor as after)', async () => {
  const { page1, merged } = await twoPages(FEED);
  const headlines = merged.map((edge) => edge.node.headline);
  assert.ok(headlines.length >= 3, `page 2 was appended: ${headlines}`);
  assert.deepEqual(headlines.slice(0, 2), page1.map((edge) => edge.node.headline));
  assert.equal(new Set(merged.map((edge) => edge.node.id)).size, merged.length, 'no article twice');
});

// Page 2 of a feed whose nodes select nested lists, the case the Querying rewrite (issue 8: nested lists
// batched by parent keys) touches. Should it fail while that lands, mark it { todo: 'issue 8' } meanwhile.
test('relayStylePagination over a feed with nested lists: page 2', async () => {
  const { merged } = await twoPages(FEED_WITH_LISTS);
  assert.ok(merged.length >= 3);
  assert.ok(merged.every((edge) => Array.isArray(edge.node.appearances) && Array.isArray(edge.node.photos)));
});

test('a paging error reaches Apollo with its Hot Chocolate code and field coordinate', async () => {
  const apollo = client();
  const error = await apollo.query({ query: gql`{ articles(first: 51) { nodes { id } } }` }).then(() => null, (e) => e);
  assert.ok(error, 'the query failed');
  const [first] = error.errors ?? error.graphQLErrors ?? [];
  assert.equal(first.extensions.code, 'HC0051');
  assert.equal(first.extensions.fieldCoordinate, 'Query.articles');
});

test('Apollo subscribes over GraphQLWsLink and sees an article as it is stored', async () => {
  const ws = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  const apollo = new ApolloClient({ link: new GraphQLWsLink(ws), cache: new InMemoryCache() });
  try {
    let subscription;
    const first = new Promise((resolve, reject) => {
      subscription = apollo.subscribe({ query: gql`subscription { articleStored { id headline eventDate } }` })
        .subscribe({ next: resolve, error: reject });
    });
    const stored = await ingestUntil(first, 'apollo', 8);
    const { data } = await first;
    subscription.unsubscribe();
    assert.ok(stored.some((s) => s.result.articles.some((a) => a.id === data.articleStored.id)));
    assert.equal(data.articleStored.eventDate, '2021-08-02');
  } finally {
    await ws.dispose();
  }
});
