// Builds the static UI into dist/: the app's own files from src/, and Backbone, Underscore,
// jQuery and uPlot (the Metrics page's charts) vendored from node_modules (no CDN), with Swagger
// UI for the API's /docs page. No bundler: the browser loads them in order from index.html.
// Deterministic and quick, so `make install` runs it every time.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const vendored = {
  "jquery.min.js": "jquery/dist/jquery.min.js",
  "underscore-min.js": "underscore/underscore-min.js",
  "backbone-min.js": "backbone/backbone-min.js",
  "uPlot.iife.min.js": "uplot/dist/uPlot.iife.min.js",
  "uPlot.min.css": "uplot/dist/uPlot.min.css",
  "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
  "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
  "swagger-ui/favicon-32x32.png": "swagger-ui-dist/favicon-32x32.png",
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "vendor", "swagger-ui"), { recursive: true });
cpSync(join(root, "src"), dist, { recursive: true });
for (const [name, source] of Object.entries(vendored)) {
  cpSync(join(root, "node_modules", source), join(dist, "vendor", name));
}
console.log(`build.mjs: wrote ${dist}`);
