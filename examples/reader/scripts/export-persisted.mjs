// Writes the reader's operations as the API's trusted documents: one <sha256>.graphql file each, in persisted/
// (or the folder given), from the manifest codegen wrote. Codegen keys it "sha256:<hex>"; the server's ids are
// file names of letters, digits, '-' and '_', so the file is named by the hex digits alone, which are the
// SHA-256 of the file's text, as the server expects of a hash in extensions.persistedQuery.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(here, 'src/gql/persisted-documents.json'), 'utf8'));
const folder = resolve(process.argv[2] ?? join(here, 'persisted'));

mkdirSync(folder, { recursive: true });
for (const old of readdirSync(folder)) if (old.endsWith('.graphql')) rmSync(join(folder, old));
for (const [key, document] of Object.entries(manifest)) {
  const hex = key.replace(/^sha256:/, '');
  const actual = createHash('sha256').update(document, 'utf8').digest('hex');
  if (hex !== actual) throw new Error(`${key} is not the SHA-256 of its document (${actual}); is codegen's hashAlgorithm sha256?`);
  writeFileSync(join(folder, `${hex}.graphql`), document, 'utf8');
}
console.log(`${Object.keys(manifest).length} trusted documents in ${folder}`);
