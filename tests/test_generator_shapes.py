"""The generator's issue-11 shapes without Neo4j: twins, stays at a partner's written only in a visit note, and a
default that includes them (note rate 0.2, identity rate half the variation rate)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from notes.matcher import reader
from synthetic import generate
from synthetic.cases.rules import NOTE_RATE


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("noted")
    generate(400, 3, out, variation_rate=0.0, identity_rate=0.5, note_rate=1.0, cases_per_signal=3)
    return out


def rows(out: Path, feed: str) -> list[dict[str, str]]:
    with (out / f"{feed}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def truth(out: Path) -> dict[str, Any]:
    return json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))


def test_the_default_includes_notes_and_the_identity_shapes(tmp_path: Path) -> None:
    assert NOTE_RATE == 0.2
    generate(300, 2, tmp_path, cases_per_signal=1)
    params = truth(tmp_path)["generator"]
    assert params["note_rate"] == NOTE_RATE and params["identity_rate"] == 0.05


def test_a_stay_written_only_in_a_note_is_a_case_from_a_note_on_the_visit_day(noted: Path) -> None:
    cases = [c for c in truth(noted)["cases"] if c["signal"] == "S1" and c["from_note"]]
    planted, decoys = [c for c in cases if not c["decoy"]], [c for c in cases if c["decoy"]]
    assert planted and decoys
    visits = {f"police_visits:{v['visit_id']}": v for v in rows(noted, "police_visits")}
    stays = {r["nominal_id"] for r in rows(noted, "police_stays")}
    for case in planted:
        (visit,) = [visits[e] for e in case["evidence"] if e in visits and "stay" in visits[e]["summary"]]
        assert case["dates"]["detectable_from"] == visit["visit_date"] and case["children"]
        assert visit["nominal_id"] not in stays, "the stay is in the note only"
        (fact,) = reader().read(visit["summary"])
        assert fact.kind == "stays_at" and fact.host == "partner"
    flagged = {e for c in truth(noted)["cases"] if c["signal"] == "S1" and not c["decoy"] for e in c["evidence"]}
    assert all(not set(d["evidence"]) & flagged for d in decoys), "a note about a home with no child raises nothing"


def test_twins_are_two_people_named_baby_1_and_2_at_birth_and_by_name_elsewhere(noted: Path) -> None:
    owner = {k: i["person_id"] for i in truth(noted)["identities"] for k in i["records"]}
    babies = [b for b in rows(noted, "health_births") if b["child_forenames"] in ("Baby 1", "Baby 2")]
    by_birth: dict[tuple[str, str], dict[str, str]] = {}
    for b in babies:
        by_birth.setdefault((b["mother_nhs_number"], b["date_of_birth"]), {})[b["child_forenames"]] = b[
            "child_nhs_number"
        ]
    pairs = [(p["Baby 1"], p["Baby 2"]) for p in by_birth.values() if len(p) == 2]
    assert pairs and len(pairs) * 2 == len(babies)
    gp = {r["nhs_number"]: r for r in rows(noted, "health_gp_registrations")}
    for a, b in pairs:
        assert owner[f"nhs:{a}"] != owner[f"nhs:{b}"]
        if a in gp and b in gp:
            assert gp[a]["surname"] == gp[b]["surname"] and gp[a]["date_of_birth"] == gp[b]["date_of_birth"]
            assert gp[a]["forenames"] != gp[b]["forenames"] and "Baby" not in gp[a]["forenames"] + gp[b]["forenames"]
