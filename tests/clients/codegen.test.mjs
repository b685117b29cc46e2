// graphql-codegen's client preset generates typed documents from the committed schema file with the README's
// scalar map, and the operations that use them compile under tsc --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const codegenDirectory = new URL('./codegen/', import.meta.url).pathname;
const bin = (name) => new URL(`./node_modules/.bin/${name}`, import.meta.url).pathname;

test('codegen generates the client preset with LocalDate as string and Decimal as number, and tsc --strict accepts it', async () => {
  rmSync(new URL('./codegen/src/gql/', import.meta.url), { recursive: true, force: true });
  await run(bin('graphql-codegen'), ['--config', 'codegen.yml'], { cwd: codegenDirectory })
    .catch((error) => assert.fail(`graphql-codegen failed:\n${error.stdout}\n${error.stderr}`));
  const generated = readFileSync(new URL('./codegen/src/gql/graphql.ts', import.meta.url), 'utf8');
  // The preset inlines scalars into the operation types.
  assert.match(generated, /eventDate: string \| null/);
  assert.match(generated, /totalInvestment: number \| null/);
  assert.match(generated, /min: number;/);
  await run(bin('tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.json'], { cwd: codegenDirectory })
    .catch((error) => assert.fail(`tsc --strict failed:\n${error.stdout}\n${error.stderr}`));
});
