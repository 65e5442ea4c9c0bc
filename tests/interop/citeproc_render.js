// Render citation clusters and a bibliography with citeproc-js, the engine
// inside Zotero, the way a word processor plugin drives it: one
// processCitationCluster call per note, in document order, with every earlier
// cluster as citationsPre.
// Usage: node citeproc_render.js JOB.json  (prints the result as JSON)
// JOB: {"style": path, "locale": path, "format": "text"|"html",
//       "items": [CSL-JSON...], "clusters": [{"noteIndex": n, "cites": [{id, locator, label}]}],
//       "bibliography": [ids] | null}
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(job.items.map((item) => [String(item.id), item]));
const sys = {
  retrieveLocale: () => fs.readFileSync(job.locale, "utf8"),
  retrieveItem: (id) => byId.get(String(id)),
};
const engine = new CSL.Engine(sys, fs.readFileSync(job.style, "utf8"));
engine.setOutputFormat(job.format || "text");

const texts = new Map();
const pre = [];
job.clusters.forEach((c, n) => {
  const cluster = {
    citationID: `C${n}`,
    citationItems: c.cites.map((x) => {
      const out = { id: String(x.id) };
      if (x.locator) { out.locator = x.locator; out.label = x.label || "page"; }
      return out;
    }),
    properties: { noteIndex: c.noteIndex },
  };
  const [, changed] = engine.processCitationCluster(cluster, pre.slice(), []);
  for (const [index, text] of changed) texts.set(index, text);
  pre.push([cluster.citationID, c.noteIndex]);
});
const citations = job.clusters.map((_, n) => texts.get(n));
let bibliography = [];
if (job.bibliography) {
  const bibEngine = new CSL.Engine(sys, fs.readFileSync(job.style, "utf8"));
  bibEngine.setOutputFormat(job.format || "text");
  bibEngine.updateItems(job.bibliography.map(String));
  const result = bibEngine.makeBibliography();
  bibliography = result ? result[1].map((e) => e.trim()) : [];
}
process.stdout.write(JSON.stringify({ citations, bibliography }, null, 1) + "\n");
