"""The Splink model: how two person records are compared, which pairs are compared at all, and training.

Comparisons follow what varies in real agency records: nicknames, short forms and typos in first names, married,
hyphenated and misspelt surnames, day and month swapped in dates of birth, postcodes written differently.
Training is unsupervised (expectation maximisation) with the prior set from exact name and date matches.
It needs a population: on a few records (one family, as a MASH often loads) EM has nothing to learn from
and Splink fails or learns nonsense, so below MIN_TRAINING_RECORDS the records are scored with a model
trained before, the graph's own or the bundled default (`default_model.json`, trained on a synthetic
population by `make default-model`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on
from splink.backends.duckdb import DuckDBAPI

MIN_TRAINING_RECORDS = 2000  # fewer person records than this are scored with a trained model, not trained on
DEFAULT_MODEL = Path(__file__).with_name("default_model.json")

# Pairs are scored only when they share one of these: date of birth; first name and surname; surname sound
# and birth year; first name and postcode; NHS number; and, for a record without a date of birth (a parent
# collecting a child, "Mr W Whitlock"), surname and first initial. Each keeps the comparison count near-linear.
BLOCKING: list[Any] = [
    block_on("dob"),
    block_on("first_name", "surname"),
    block_on("surname_sound", "substr(dob, 1, 4)"),
    block_on("first_name", "postcode"),
    block_on("nhs"),
    "l.surname = r.surname AND substr(l.first_name, 1, 1) = substr(r.first_name, 1, 1) "
    "AND (l.dob IS NULL OR r.dob IS NULL)",
]
_INITIAL = (
    "(length(first_name_l) = 1 OR length(first_name_r) = 1) AND substr(first_name_l, 1, 1) = substr(first_name_r, 1, 1)"
)
# A given name's leading or trailing syllables used as a name (Jide / Babajide, Tosin / Oluwatosin): at least
# three letters and two shorter than the full name, as linkage.names.is_short_form says.
_SHORT_FORM = " OR ".join(
    f"(length(first_name_{s}) >= 3 AND length(first_name_{f}) >= length(first_name_{s}) + 2 "
    f"AND (starts_with(first_name_{f}, first_name_{s}) OR ends_with(first_name_{f}, first_name_{s})))"
    for s, f in (("l", "r"), ("r", "l"))
)
_DAY_MONTH_SWAPPED = (
    "substr(dob_l, 1, 4) = substr(dob_r, 1, 4) AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2) "
    "AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)"
)


def comparisons() -> list[Any]:
    first = cl.CustomComparison(
        output_column_name="first_name",
        comparison_levels=[
            cll.NullLevel("first_name"),
            cll.ExactMatchLevel("forenames").configure(label_for_charts="all forenames equal"),
            cll.ExactMatchLevel("first_name"),
            cll.ArrayIntersectLevel("first_variants", 1).configure(label_for_charts="nickname (Bill / William)"),
            cll.CustomLevel(_SHORT_FORM).configure(label_for_charts="short form (Jide / Babajide)"),
            cll.JaroWinklerLevel("first_name", 0.88),
            cll.ExactMatchLevel("first_name_sound").configure(label_for_charts="sounds alike (Leigh / Lee)"),
            cll.CustomLevel(_INITIAL).configure(label_for_charts="initial agrees (W / William)"),
            cll.ElseLevel(),
        ],
    )
    surname = cl.CustomComparison(
        output_column_name="surname",
        comparison_levels=[
            cll.NullLevel("surname"),
            cll.ExactMatchLevel("surname"),
            cll.DamerauLevenshteinLevel("surname", 1).configure(label_for_charts="one typo"),
            cll.ArrayIntersectLevel("surname_tokens", 1).configure(label_for_charts="shares a surname (hyphenated)"),
            cll.ExactMatchLevel("surname_sound").configure(label_for_charts="sounds alike"),
            cll.JaroWinklerLevel("surname", 0.88),
            cll.ElseLevel(),
        ],
    )
    dob = cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob"),
            cll.CustomLevel(_DAY_MONTH_SWAPPED).configure(label_for_charts="day and month swapped"),
            cll.DamerauLevenshteinLevel("dob", 1).configure(label_for_charts="one digit different"),
            cll.ElseLevel(),
        ],
    )
    return [first, surname, dob, cl.PostcodeComparison("postcode"), cl.ExactMatch("nhs")]


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=BLOCKING,
        retain_intermediate_calculation_columns=True,
        additional_columns_to_retain=["source"],
    )


def linker_for(frame: pd.DataFrame, model: dict[str, Any] | str | None = None) -> Linker:
    """A DuckDB-backed linker over the records, from fresh settings or a saved (trained) model."""
    db = DuckDBAPI()
    return Linker(db.register(frame), model if model is not None else settings(), log_level=30)


def default_model() -> dict[str, Any]:
    """The bundled model, trained on a synthetic population: used when the records are too few to train on."""
    model: dict[str, Any] = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    return model


def train(linker: Linker) -> None:
    """Unsupervised: prior from deterministic matches, u by random sampling, m by EM on two blockings."""
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))


def predict(linker: Linker, floor: float) -> pd.DataFrame:
    """Scored pairs with match probability at or above `floor` (the review threshold)."""
    return linker.inference.predict(threshold_match_probability=floor).as_pandas_dataframe()


def predict_new(frame: pd.DataFrame, new: set[str], trained: dict[str, Any], floor: float) -> pd.DataFrame:
    """Incremental scoring with a saved model: new records against existing ones, and against each other."""
    columns = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
    is_new = frame["unique_id"].isin(new)
    if not is_new.any():
        return pd.DataFrame(columns=columns)
    db = DuckDBAPI()
    old_df, new_df = db.register(frame[~is_new]), db.register(frame[is_new])
    linker = Linker([old_df], trained, log_level=30)
    parts = [linker.inference.predict_within(new_df, threshold_match_probability=floor).as_pandas_dataframe()]
    if (~is_new).any():
        parts.append(
            linker.inference.predict_between(new_df, old_df, threshold_match_probability=floor).as_pandas_dataframe()
        )
    return pd.concat(parts, ignore_index=True)
