// graphql-codegen's client preset against the committed schema file, with the repository's scalar map.
// strictScalars: a custom scalar missing from the map fails the build instead of becoming `any`.
// persistedDocuments: every operation also lands in src/gql/persisted-documents.json under its SHA-256,
// which scripts/export-persisted.mjs turns into the API's trusted-documents folder.
// addTypename: Apollo's cache needs __typename; adding it here means the trusted document the server runs
// is exactly the one the cache expects.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', mode: 'embedHashInDocument' },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        strictScalars: true,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: 'string', Decimal: 'number' },
      },
    },
  },
};

export default config;
