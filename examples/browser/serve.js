// Serves this folder's index.html on its own origin (default http://127.0.0.1:8080), so
// that it calls the gateway cross-origin, as the CRM site would. No dependencies.
//   node examples/browser/serve.js [port]
const { createServer } = require("node:http");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const page = readFileSync(join(__dirname, "index.html"));
createServer((req, res) => {
  if (req.url !== "/" && !req.url.startsWith("/?") && !req.url.startsWith("/index.html")) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
}).listen(port, "127.0.0.1", () => console.log(`example page: http://127.0.0.1:${port}/ (start Enlace with CORS_ORIGINS=http://127.0.0.1:${port})`));
