/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the reader sends its requests; /graphql (its own origin) when unset. */
  readonly VITE_GRAPHQL_URL?: string;
}
