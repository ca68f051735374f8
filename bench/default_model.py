"""`make default-model`: train the linkage model `sightline resolve` falls back to when a graph holds too few
records to train one (one family, as a MASH often loads), and write it to linkage/default_model.json.

Not a benchmark: it lives beside them because, like them, it needs every room at once (the generator, the
loader, linkage and a throwaway bundled Neo4j), which no product room may import. The model is trained on a
synthetic population only (the same seed gives the same model), so it holds no one's data.

Usage: python -m bench.default_model [--people N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from graph import server
from graph.db import Graph
from linkage.model import DEFAULT_MODEL
from linkage.pipeline import resolve
from linkage.statements import STATEMENTS
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import Settings
from synthetic import generate


def train_default(people: int, seed: int) -> dict[str, object]:
    """Generate, load and resolve a synthetic population on a throwaway Neo4j; the model resolve trained."""
    work = Path(tempfile.mkdtemp(prefix="sightline-default-model-"))
    try:
        generate(people=people, seed=seed, out=work / "feeds")
        info = server.start(port=server.free_port(), data_dir=work / "neo4j")
        settings = Settings(neo4j_uri=info.uri, neo4j_user=info.user, neo4j_password=info.password)
        with Graph.connect(settings) as graph:
            load_directory(graph, load_spec(), work / "feeds", work / "rejects")
            report = resolve(graph)
            print(f"{report.records} records, {report.scored_pairs} pairs: {report.model}", flush=True)
            model: dict[str, object] = json.loads(graph.read(STATEMENTS["load_model"], name="trained model")[0]["json"])
    finally:
        server.stop(work / "neo4j")
        shutil.rmtree(work, ignore_errors=True)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    model = train_default(args.people, args.seed)
    DEFAULT_MODEL.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DEFAULT_MODEL}")


if __name__ == "__main__":
    main()
