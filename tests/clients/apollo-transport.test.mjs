// Apollo's transport links, which need the server's persisted-query and batching support (issue 11's
// transport part). Fill these in with that work: createPersistedQueryLink (sha256, then the
// PERSISTED_QUERY_NOT_FOUND fall-back to the full query) and BatchHttpLink (several operations in one POST).
import { test } from 'node:test';

test('Apollo createPersistedQueryLink: a hash-only request, the PERSISTED_QUERY_NOT_FOUND fall-back, then the hash alone', { todo: 'transport work: automatic persisted queries' });

test('Apollo BatchHttpLink: two queries in one POST, answered in order', { todo: 'transport work: request batching' });
