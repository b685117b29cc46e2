// Apollo Client: a normalized cache whose relayStylePagination merges cursor pages into one list, and a
// persisted-query link that sends each operation's SHA-256 (computed by codegen at build time) instead of
// its text, over GET so that the archive's ETags and Cache-Control apply.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { Kind, type DocumentNode } from 'graphql';
import persistedDocuments from '../gql/persisted-documents.json';

/** Same origin by default: `npm run dev` and `npm run preview` pass /graphql on to the archive. */
export const graphqlUrl = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

/** The hash codegen put on the document ("sha256:<hex>"), as the hex digits the server's file is named by. */
export function persistedHash(document: DocumentNode): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string' || !hash.startsWith('sha256:'))
    throw new Error('This document has no persisted hash: write operations with graphql() from src/gql and run `npm run codegen`.');
  return hash.slice('sha256:'.length);
}

const documents: Record<string, string> = persistedDocuments;

/**
 * The text whose SHA-256 is the document's hash, as codegen printed it. When a server does not know the hash yet
 * (no trusted folder), Apollo's link sends the text once beside it; the server checks that the two match, and
 * Apollo's own print() lays the text out otherwise.
 */
export function persistedText(document: DocumentNode): string {
  const text = documents[`sha256:${persistedHash(document)}`];
  if (text === undefined) throw new Error('This document is not in src/gql/persisted-documents.json: run `npm run codegen`.');
  return text;
}

export function createClient(): ApolloClient {
  const persisted = new PersistedQueryLink({ generateHash: persistedHash, useGETForHashedQueries: true });
  return new ApolloClient({
    link: persisted.concat(new HttpLink({ uri: graphqlUrl, print: (node, print) => (node.kind === Kind.DOCUMENT ? persistedText(node) : print(node)) })),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            articles: relayStylePagination(['where', 'order']),
            search: relayStylePagination(['query', 'where', 'order']),
          },
        },
      },
    }),
  });
}
