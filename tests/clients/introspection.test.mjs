// graphql-js's full introspection query, every option on, as IDEs and code generators send it; then
// graphql-inspector compares what it returns with the committed schema file front ends code against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildClientSchema, getIntrospectionQuery, printSchema, isScalarType, isObjectType, isInterfaceType, isInputObjectType, isEnumType } from 'graphql';
import { post, url } from './lib/server.mjs';

const schemaFile = process.env.SCHEMA_FILE ?? new URL('../../schema/schema.graphql', import.meta.url).pathname;
const options = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };

async function introspect() {
  const { status, body } = await post(getIntrospectionQuery(options));
  assert.equal(status, 200);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

test('the full introspection query validates, runs and builds a client schema', async () => {
  const data = await introspect();
  const schema = buildClientSchema(data);
  assert.match(schema.description ?? '', /GraphQL Archive/);
  assert.equal(schema.getType('LocalDate').specifiedByURL, 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6');
  assert.deepEqual(schema.getDirectives().map((d) => d.name), ['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf', 'cost', 'listSize']);
  assert.ok(schema.getSubscriptionType(), 'the schema has a Subscription type');
  assert.ok(printSchema(schema).length > 10_000);
});

test('every type, field, argument, input field, enum value and scalar has a description', async () => {
  const schema = buildClientSchema(await introspect());
  const missing = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    if (isScalarType(type) && !type.description) missing.push(type.name);
  }
  assert.deepEqual(missing, []);
});

async function inspectorDiff(oldSchema, newSchema, ...rules) {
  const inspector = new URL('./node_modules/.bin/graphql-inspector', import.meta.url).pathname;
  const args = ['diff', oldSchema, newSchema, ...rules.flatMap((rule) => ['--rule', rule])];
  const { stdout, stderr } = await promisify(execFile)(inspector, args, { env: { ...process.env, FORCE_COLOR: '0' } })
    .catch((error) => assert.fail(`graphql-inspector diff reported changes:\n${error.stdout}\n${error.stderr}`));
  assert.match(stdout + stderr, /No changes detected/, stdout + stderr);
}

test('graphql-inspector finds no change between the committed schema file and live introspection', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'archive-introspection-'));
  const introspection = join(directory, 'introspection.json');
  writeFileSync(introspection, JSON.stringify({ data: await introspect() }));
  await inspectorDiff(schemaFile, introspection, new URL('./lib/introspection-has-no-applied-directives.mjs', import.meta.url).pathname);
});

test('graphql-inspector finds no change at all, directive usages included, between the schema file and the served SDL', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'archive-sdl-'));
  const served = join(directory, 'served.graphql');
  const response = await fetch(`${url}?sdl`);
  assert.equal(response.status, 200);
  writeFileSync(served, await response.text());
  await inspectorDiff(schemaFile, served);
});
