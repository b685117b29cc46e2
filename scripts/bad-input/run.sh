#!/usr/bin/env bash
# The bounded bad-input run of issue 11: 1,100+ bad requests of every class found (invalid UTF-8, lone surrogates,
# parser depth, subscriptions, fragment bombs, repeated and conflicting fields, introspection, long lists and
# searches, forged cursors, ids, decimals, request shapes, transport, persisted-query extensions and ids, batches
# and batchOperations, conditional and range headers) against the real API in-process, with batching on.
# Prints the figures; fails unless there are 0 × 5xx, 0 uncoded errors and 0 answers over 1 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
summary="${TMPDIR:-/tmp}/graphql-archive-bad-input.txt"
rm -f "$summary"
status=0
dotnet test tests/GraphQLArchive.Tests --filter "FullyQualifiedName~BadInputRunTests.Every_bad_input" >/dev/null || status=$?
cat "$summary"
exit $status
