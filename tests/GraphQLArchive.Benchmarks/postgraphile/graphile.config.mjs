// PostGraphile 5 over the archive's PostgreSQL database, as a user would set it up: the Amber preset, the
// connection-filter plugin (for `some` over a relation), reflection over the public schema. Read-only: no
// mutation fields, and every transaction opened read-only, so the benchmark cannot change the archive.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const connectionString = process.env.PEER_DATABASE_URL;
if (!connectionString) throw new Error("Set PEER_DATABASE_URL to a postgres:// connection string.");

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin", "PgMutationPayloadEdgePlugin"],
  pgServices: [makePgService({ connectionString, schemas: ["public"] })],
  schema: {
    // `articles(filter: { appearancesByArticleId: { some: … } })`, the equivalent of our list filters.
    connectionFilterRelations: true,
  },
  grafserv: {
    port: Number(process.env.PEER_PORT ?? 5678),
    host: "127.0.0.1",
    graphqlPath: "/graphql",
    graphiql: false,
  },
  grafast: { explain: false },
};
