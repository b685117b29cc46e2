// Serves graphile.config.mjs on Node's own HTTP server; prints one line once it listens.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
const { host, port } = preset.grafserv;
server.listen(port, host, () => console.log(`postgraphile listening on http://${host}:${port}/graphql`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => pgl.release().then(() => process.exit(0))));
