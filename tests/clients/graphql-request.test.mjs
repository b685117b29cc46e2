// graphql-request, the minimal client services use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLClient, ClientError, gql } from 'graphql-request';
import { newPage, url, apiKey } from './lib/server.mjs';

test('a query with variables returns Chinese text as written and numbers as JSON numbers', async () => {
  const client = new GraphQLClient(url);
  const data = await client.request(gql`query($min: Decimal!) { projects(where: { totalInvestment: { gte: $min } }) { nodes { name totalInvestment } } }`, { min: 5000000000 });
  assert.ok(data.projects.nodes.length >= 1);
  for (const project of data.projects.nodes) {
    assert.equal(typeof project.totalInvestment, 'number');
    assert.ok(project.totalInvestment >= 5e9);
    assert.match(project.name, /\p{Script=Han}/u);
  }
});

test('a mutation with the key in X-Api-Key stores a page, and without it is refused with a code', async () => {
  const page = newPage(`gr${Date.now()}`);
  const mutation = gql`mutation($input: IngestPageInput!) { ingestPage(input: $input) { created articles { headline } } }`;
  const input = { input: { text: page.text, editionDate: '2021-08-03', newspaper: '太原日报', page: 4 } };

  const refused = await new GraphQLClient(url).request(mutation, input).then(() => null, (e) => e);
  assert.ok(refused instanceof ClientError);
  assert.equal(refused.response.errors[0].extensions.code, 'AUTH_NOT_AUTHENTICATED');

  const stored = await new GraphQLClient(url, { headers: { 'X-Api-Key': apiKey } }).request(mutation, input);
  assert.equal(stored.ingestPage.created, true);
  assert.equal(stored.ingestPage.articles[0].headline, page.headline);
});
