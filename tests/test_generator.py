"""The synthetic population generator: valid, repeatable feeds and a complete, consistent ground truth."""

from __future__ import annotations

import csv
import json
import random
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cli.generate import register
from errors import ConfigError
from loaders.addresses import address_key
from loaders.spec import Spec, load_spec, render_key
from loaders.validate import nhs_number_is_valid, validate_row
from synthetic import generate
from synthetic.cases.rules import Instance
from synthetic.variations import IDENTITY_COLUMNS, unique_dobless_names
from synthetic.world import Person, World

SIGNALS = [f"S{i}" for i in range(1, 15)]
PEOPLE = 2000
# date columns that may lie after as_of (an order or period still running, the next assessment due ...)
FUTURE_DATES = {"end_date", "to_date", "next_due_date", "expected_delivery_date", "registered_to", "due_date"}
Rows = dict[str, list[dict[str, str]]]


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec()


def _make(tmp_path_factory: pytest.TempPathFactory, name: str, **options: Any) -> Path:
    out = tmp_path_factory.mktemp(name)
    generate(options.pop("people", PEOPLE), options.pop("seed", 7), out, **options)
    return out


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make(tmp_path_factory, "varied", variation_rate=0.2)


@pytest.fixture(scope="module")
def exact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make(tmp_path_factory, "exact", variation_rate=0.0)


def read(out: Path, spec: Spec) -> Rows:
    rows = {}
    for feed in spec.feeds.values():
        with (out / feed.file).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == feed.header, feed.file
            rows[feed.name] = list(reader)
    return rows


def truth(out: Path) -> dict[str, Any]:
    return json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))


def person_keys(spec: Spec, rows: Rows) -> dict[str, list[tuple[str, str, str | None]]]:
    """Graph key of every Person record -> (surname, forenames, dob) as written where the row names them."""
    out: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for feed in spec.feeds.values():
        for node in (n for n in feed.nodes if n.label == "Person"):
            columns = IDENTITY_COLUMNS.get((feed.name, node.alias))
            for row in rows[feed.name]:
                if any(not row[c] for c in node.when):
                    continue
                key = render_key(node.key, row)
                if columns is None:
                    out.setdefault(key, [])
                    continue
                surname, forenames, dob = columns
                out[key].append((row[surname], row[forenames], row[dob] or None if dob else None))
    return out


# ---------------------------------------------------------------- repeatability
def test_same_seed_writes_identical_files(tmp_path_factory: pytest.TempPathFactory, varied: Path, spec: Spec) -> None:
    again = _make(tmp_path_factory, "again", variation_rate=0.2)
    for name in [f.file for f in spec.feeds.values()] + ["ground_truth.json"]:
        assert (varied / name).read_bytes() == (again / name).read_bytes(), name


def test_another_seed_writes_other_files(tmp_path_factory: pytest.TempPathFactory, varied: Path) -> None:
    other = _make(tmp_path_factory, "other", seed=8, variation_rate=0.2)
    assert (varied / "health_gp_registrations.csv").read_bytes() != (other / "health_gp_registrations.csv").read_bytes()


# ---------------------------------------------------------------- the contract
def test_every_row_is_valid_and_refs_resolve(varied: Path, spec: Spec) -> None:
    rows = read(varied, spec)
    targets = {
        col.ref: {r[col.ref[1]] for r in rows[col.ref[0]]}
        for feed in spec.feeds.values()
        for col in feed.columns
        if col.ref
    }
    problems = []
    for feed in spec.feeds.values():
        for line, row in enumerate(rows[feed.name], start=2):
            problems += [(feed.file, line, *e) for e in validate_row(feed, row)[1]]
            problems += [
                (feed.file, line, col.name, "dangling reference")
                for col in feed.columns
                if col.ref and row[col.name] and row[col.name] not in targets[col.ref]
            ]
        if feed.name != "education_enrolments":  # one UPN per pupil, keyed by enrolment_id
            keys = [r[feed.key] for r in rows[feed.name]]
            assert len(keys) == len(set(keys)), f"duplicate keys in {feed.file}"
    assert problems == []


def test_nhs_numbers_are_valid_and_one_per_person(varied: Path, spec: Spec) -> None:
    rows = read(varied, spec)
    numbers = {r["nhs_number"] for r in rows["health_gp_registrations"]}
    assert numbers and all(nhs_number_is_valid(n) for n in numbers)
    owners: dict[str, str] = {}
    for identity in truth(varied)["identities"]:
        for key in identity["records"]:
            if key.startswith("nhs:"):
                assert owners.setdefault(key, identity["person_id"]) == identity["person_id"], key


def test_no_event_after_as_of(tmp_path_factory: pytest.TempPathFactory, spec: Spec) -> None:
    out = _make(tmp_path_factory, "early", people=800, seed=3, as_of=date(2019, 6, 30))
    rows = read(out, spec)
    late = [
        (f.name, c.name)
        for f in spec.feeds.values()
        for c in f.columns
        if c.type == "date" and c.name not in FUTURE_DATES and any(r[c.name] > "2019-06-30" for r in rows[f.name])
    ]
    assert late == []


def test_as_of_before_the_window_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        generate(100, 1, tmp_path, as_of=date(2015, 1, 1))


# ---------------------------------------------------------------- ground truth
def test_every_signal_has_a_case_and_a_decoy(varied: Path) -> None:
    cases = truth(varied)["cases"]
    for signal in SIGNALS:
        assert any(c["signal"] == signal and not c["decoy"] for c in cases), signal
        assert any(c["signal"] == signal and c["decoy"] for c in cases), signal


def test_every_instance_is_planted_and_decoys_stay_clean(varied: Path) -> None:
    """Background offenders show no signal; no decoy's offender or evidence is flagged by any rule."""
    cases = truth(varied)["cases"]
    flagged = [c for c in cases if not c["decoy"]]
    assert all(c["scenario_id"] for c in flagged), [c["case_id"] for c in flagged if not c["scenario_id"]]
    flagged_people = {k for c in flagged for p in c["people"] if p["role"] == "offender" for k in p["records"]}
    flagged_evidence = {(c["signal"], e) for c in flagged for e in c["evidence"]}
    for decoy in (c for c in cases if c["decoy"]):
        offenders = {k for p in decoy["people"] if p["role"] == "offender" for k in p["records"]}
        assert not offenders & flagged_people, decoy["case_id"]
        assert not {(decoy["signal"], e) for e in decoy["evidence"]} & flagged_evidence, decoy["case_id"]


def test_hidden_identity_cases_point_at_their_underlying_case(varied: Path) -> None:
    cases = truth(varied)["cases"]
    hidden = [c for c in cases if c["signal"] == "S14" and not c["decoy"]]
    assert hidden
    for case in hidden:
        assert case["requires_linkage"] and case["underlying_signal"] in SIGNALS
        assert any(
            c["signal"] == case["underlying_signal"] and c["requires_linkage"] and c["evidence"] == case["evidence"]
            for c in cases
        )


def test_truth_keys_exist_in_the_files(varied: Path, spec: Spec) -> None:
    rows = read(varied, spec)
    keys = set(person_keys(spec, rows))
    body = truth(varied)
    for identity in body["identities"]:
        assert set(identity["records"]) <= keys, identity["person_id"]
    for case in body["cases"]:
        named = set(case["children"]) | {k for p in case["people"] for k in p["records"]}
        assert named <= keys, case["case_id"]
        for record in case["evidence"]:
            feed, _, value = record.partition(":")
            assert any(r[spec.feeds[feed].key] == value for r in rows[feed]), record
    written = {
        address_key(r[f.address.line1], r[f.address.line2], r[f.address.town], r[f.address.postcode])
        for f in spec.feeds.values()
        if f.address
        for r in rows[f.name]
        if r[f.address.line1]
    }
    assert {k for a in body["addresses"] for k in a["keys"]} <= written


def _distinct_names(out: Path, spec: Spec) -> list[int]:
    """Per identity: how many distinct (surname, forenames, dob) its named records carry."""
    written = person_keys(spec, read(out, spec))
    counts = []
    for identity in truth(out)["identities"]:
        forms = {(s.upper(), f.upper()) for k in identity["records"] for s, f, _ in written.get(k, [])}
        births = {d for k in identity["records"] for _, _, d in written.get(k, []) if d}
        counts.append(max(len(forms), len(births)))
    return counts


def test_without_variation_every_record_of_a_person_agrees(exact: Path, spec: Spec) -> None:
    body = truth(exact)
    hidden = [c for c in body["cases"] if c["signal"] == "S14" and not c["decoy"]]
    assert hidden, "planted hidden identities keep their variation at rate 0"
    planted = {k for c in hidden for k in c["addresses"]} | {
        k for c in hidden for p in c["people"] for k in p["records"]
    }
    assert all(len(a["keys"]) == 1 for a in body["addresses"] if not set(a["keys"]) & planted)
    counts = _distinct_names(exact, spec)
    forced = [i for i, n in enumerate(counts) if n > 1]
    assert all(set(body["identities"][i]["records"]) & planted for i in forced)


def test_with_variation_some_records_disagree(varied: Path, spec: Spec) -> None:
    assert max(_distinct_names(varied, spec)) > 1
    assert any(len(a["keys"]) > 1 for a in truth(varied)["addresses"])


# ---------------------------------------------------------------- command line
def test_generate_command_is_registered_with_help(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    runner = CliRunner()
    text = runner.invoke(app, ["generate", "--help"], terminal_width=200).output
    for option in ("--people", "--seed", "--out", "--case-rate", "--variation-rate", "--as-of"):
        assert option in text
    result = runner.invoke(app, ["generate", "--people", "300", "--seed", "2", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ground_truth.json").exists()


def test_identity_shapes_are_written_with_their_ground_truth(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Issue 11: at identity rate 1, the shapes only linkage follows appear, each a record of its person."""
    out = _make(tmp_path_factory, "shaped", people=600, seed=3, variation_rate=0.0, identity_rate=1.0)
    rows = read(out, load_spec())
    assert rows["police_aliases"] and all(not r["date_of_birth"] for r in rows["police_aliases"])
    assert any(not r["date_of_birth"] for r in rows["employment"]), "employment without a date of birth"
    assert any(not r["father_surname"] for r in rows["health_births"]), "a birth without a recorded father"
    initials = [r for r in rows["education_collections"] if re.fullmatch(r"(Mr|Ms|Mx) [A-Z]", r["adult_forenames"])]
    assert initials, "an adult collecting a child written as 'Mr J'"
    identities = [set(i["records"]) for i in truth(out)["identities"]]
    for alias in rows["police_aliases"]:
        keys = {f"police-alias:{alias['alias_id']}", f"police:{alias['nominal_id']}"}
        assert any(keys <= i for i in identities), "the alias is the nominal's record in the ground truth"


def test_a_case_seen_only_by_name_has_a_name_nobody_else_has(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Issue 11 (S9-0010): a nursery's record of an offender collecting a child carries no date of birth, so
    linkage rightly refuses a name two people share; a case the truth counts as visible without linkage must
    name him alone (a namesake takes another first name, or the case requires linkage)."""
    spec = load_spec()
    out = _make(tmp_path_factory, "by_name", seed=7, variation_rate=0.1, cases_per_signal=10)
    rows, found = read(out, spec), truth(out)
    owner = {record: n for n, identity in enumerate(found["identities"]) for record in identity["records"]}
    bearers: dict[tuple[str, str], set[object]] = defaultdict(set)
    for key, names in person_keys(spec, rows).items():
        for surname, forenames, _ in names:
            if surname and forenames:
                bearers[(forenames.split()[0].lower(), surname.lower())].add(owner.get(key, key))
    collections = {f"education_collections:{r['record_id']}": r for r in rows["education_collections"]}
    seen = [
        collections[e]
        for case in found["cases"]
        if not case["decoy"] and not case.get("requires_linkage")
        for e in case.get("evidence", [])
        if e in collections
    ]
    assert seen, "some case is shown by a collection record"
    for row in seen:
        name = (row["adult_forenames"].split()[0].lower(), row["adult_surname"].lower())
        assert len(bearers[name]) == 1, f"{row['record_id']}: {name} is borne by {len(bearers[name])} people"


def _world_with_a_collection(namesake_planted: bool) -> tuple[World, Person, Person, dict[str, Any]]:
    """An offender (planted) collecting a child, no date of birth on the record, and a Brett Smart born 2003."""
    world = World(seed=7, as_of=date(2024, 12, 31), rng=random.Random(7))
    people = [
        ("M", "Brett", "Smart", date(1984, 2, 3), True),
        ("M", "Brett", "Smart", date(2003, 5, 6), namesake_planted),
        ("M", "Gary Lee", "Jones", date(1970, 1, 1), False),
        ("F", "Ava", "Smart", date(2019, 1, 1), True),
    ]
    for pid, (sex, forenames, surname, dob, protected) in enumerate(people):
        world.people.append(Person(pid, sex, forenames, surname, dob, world.new_nhs(), surname, protected=protected))
    row = world.add("education_collections", {"record_id": "COL1"}, {"pupil": 3, "adult": 0})
    return world, world.people[0], world.people[1], row


def test_a_background_namesake_of_a_planted_dobless_record_takes_another_first_name() -> None:
    world, offender, namesake, row = _world_with_a_collection(namesake_planted=False)
    unique_dobless_names(world)
    assert offender.forenames == "Brett"
    assert (namesake.forenames, namesake.surname) == ("Gary", "Smart"), "the only other first name of his sex"
    assert not Instance("S9", ("COL1",), date(2020, 1, 1), date(2020, 1, 1), evidence=[row]).requires_linkage


def test_a_planted_namesake_makes_the_case_require_linkage() -> None:
    world, offender, namesake, row = _world_with_a_collection(namesake_planted=True)
    unique_dobless_names(world)
    assert offender.forenames == namesake.forenames == "Brett", "a deliberate namesake keeps his name"
    assert Instance("S9", ("COL1",), date(2020, 1, 1), date(2020, 1, 1), evidence=[row]).requires_linkage
