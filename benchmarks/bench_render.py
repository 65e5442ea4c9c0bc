"""Notes rendered per second: archcite against citeproc-js, in one run.

    python benchmarks/bench_render.py

Both engines render the same clusters (tests/golden/render's, 336 notes of 84
items) in chicago-notes-bibliography. citeproc-js runs in node, timed inside
node around its processCitationCluster calls only (engine construction and
process start-up excluded); archcite is timed around Renderer.render only.
Prints both rates and their ratio; no threshold, no assertion.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from citeproc import LOCALES_PATH  # noqa: E402

from archcite.render import Cite, Cluster, Renderer, load_style  # noqa: E402

STYLE = "chicago-notes-bibliography"
JS = r"""
const fs = require("fs"); const CSL = require("citeproc");
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(job.items.map((i) => [String(i.id), i]));
const sys = {retrieveLocale: () => fs.readFileSync(job.locale, "utf8"), retrieveItem: (id) => byId.get(String(id))};
const engine = new CSL.Engine(sys, fs.readFileSync(job.style, "utf8"));
engine.setOutputFormat("text");
const pre = []; const t0 = process.hrtime.bigint();
job.clusters.forEach((c, n) => {
  const cluster = {citationID: `C${n}`, citationItems: c.cites.map((x) => x.locator ? {id: x.id, locator: x.locator, label: "page"} : {id: x.id}), properties: {noteIndex: c.noteIndex}};
  engine.processCitationCluster(cluster, pre.slice(), []); pre.push([cluster.citationID, c.noteIndex]);
});
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e9));
"""


def main() -> int:
    golden = json.loads((REPO / f"tests/golden/render/{STYLE}.json").read_text("utf-8"))
    items = json.loads((REPO / "tests/data/render/items.json").read_text("utf-8"))
    clusters = [
        Cluster(tuple(Cite(c["id"], c.get("locator"), c.get("label")) for c in k["cites"]), k["noteIndex"])
        for k in golden["clusters"]
    ]  # fmt: skip
    renderer = Renderer(load_style(STYLE), items, "text")
    start = time.perf_counter()
    renderer.render(clusters)
    ours = len(clusters) / (time.perf_counter() - start)
    print(f"archcite:    {ours:8.1f} notes/s ({len(clusters)} notes)")
    node = shutil.which("node")
    modules = REPO / "tests/interop/node_modules"
    if node is None or not (modules / "citeproc").is_dir():
        print("citeproc-js: not available (node and `make tools` needed); no ratio")
        return 0
    job = {"style": str(REPO / "styles" / f"{STYLE}.csl"), "items": items,
           "locale": str(Path(LOCALES_PATH) / "locales-en-US.xml"), "clusters": golden["clusters"]}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "job.json").write_text(json.dumps(job), "utf-8")
        script = REPO / "tests/interop" / ".bench_render.js"
        script.write_text(JS, "utf-8")
        try:
            run = subprocess.run([node, str(script), str(Path(tmp) / "job.json")],
                                 capture_output=True, text=True, check=True)  # fmt: skip
        finally:
            script.unlink(missing_ok=True)
    theirs = len(clusters) / float(run.stdout)
    print(f"citeproc-js: {theirs:8.1f} notes/s")
    print(f"ratio archcite / citeproc-js: {ours / theirs:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
