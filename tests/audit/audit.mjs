// Runs the official GraphQL-over-HTTP audit suite (graphql-http) against a running server.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
// Prints one line per audit and a final pass count; exits 1 unless every audit passes.
// Warnings (SHOULD) and notices (MAY) count as failures: we aim to pass them all.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? process.env.GRAPHQL_URL;
if (!url) {
  console.error('Usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const audits = serverAudits({ url });
let passed = 0;
for (const audit of audits) {
  const result = await audit.fn();
  if (result.status === 'ok') {
    passed++;
    console.log(`ok     ${result.id} ${result.name}`);
    continue;
  }
  const response = result.response;
  let body = '';
  try {
    body = await response.text();
  } catch {
    body = '(body already read)';
  }
  console.log(`${result.status.toUpperCase().padEnd(6)} ${result.id} ${result.name}`);
  console.log(`       reason: ${result.reason}`);
  console.log(`       got: ${response.status} ${response.headers.get('content-type') ?? '(no content-type)'} ${body}`);
}

console.log(`${passed}/${audits.length} audits passed`);
process.exit(passed === audits.length ? 0 : 1);
