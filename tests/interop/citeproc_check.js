// Reads archcite's CSL-JSON with citeproc-js (the engine inside Zotero and
// history.state.gov) and prints a note for every item plus the bibliography.
// Usage: node citeproc_check.js ITEMS.json STYLE.csl LOCALE.xml
// Exit 1 (with a message on stderr) if citeproc-js throws, reports a style
// error, or leaves an item out.
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const [itemsPath, stylePath, localePath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = new Map(items.map((item) => [String(item.id), item]));
const sys = {
  retrieveLocale: () => fs.readFileSync(localePath, "utf8"),
  retrieveItem: (id) => byId.get(String(id)),
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"));
engine.setOutputFormat("text");
engine.updateItems([...byId.keys()]);

const notes = [];
const pre = []; // every earlier cluster, so the engine keeps all items cited
let noteIndex = 0;
for (const id of byId.keys()) {
  noteIndex += 1;
  const cluster = {
    citationItems: [{ id }],
    properties: { noteIndex },
  };
  const [status, changed] = engine.processCitationCluster(cluster, pre.slice(), []);
  if (status.bibchange === undefined && status.citation_errors && status.citation_errors.length) {
    throw new Error(`citation errors for ${id}: ${JSON.stringify(status.citation_errors)}`);
  }
  const mine = changed.find((c) => c[2] === cluster.citationID) || changed[changed.length - 1];
  notes.push({ id, text: mine ? mine[1] : "" });
  pre.push([cluster.citationID, noteIndex]);
}
const [meta, entries] = engine.makeBibliography();
const out = { notes, bibliography: entries.map((e) => e.trim()), errors: meta.bibliography_errors };
const bad = [...notes.map((n) => n.text), ...out.bibliography].filter((t) => t.includes("CSL STYLE ERROR"));
if (bad.length || notes.some((n) => !n.text)) {
  process.stderr.write(`citeproc-js could not format: ${JSON.stringify(bad)}\n`);
  process.stdout.write(JSON.stringify(out, null, 2));
  process.exit(1);
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
