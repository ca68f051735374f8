"""A small builder of hand-made feed files for tests: name only the columns that matter to the case.

    fx = FeedFixture()
    team = fx.add("agencies", agency_id="JIG1", agency_type="police_team")
    nominal = fx.add("police_nominals", surname="Examplar", forenames="Jon", date_of_birth="1980-01-01",
                     managing_team_id=team)
    fx.write(tmp_path)   # canonical CSV files, ready for load_directory

Unnamed required columns get harmless defaults (an id, a name, 2020-01-01, the first allowed value), so a
test states only what the signal depends on. Every value is a string, as in a real CSV.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from loaders.spec import Column, Feed, load_spec
from loaders.validate import nhs_number_is_valid

_DEFAULTS = {"str": "Example", "text": "", "date": "2020-01-01", "bool": "N", "int": "0", "postcode": "ZZ1 1AA"}


class FeedFixture:
    """Rows per feed, written as canonical CSV files."""

    def __init__(self) -> None:
        self.spec = load_spec()
        self.rows: dict[str, list[dict[str, str]]] = {}
        self._ids = itertools.count(1)
        self._nhs = itertools.count(900000000)

    def nhs(self) -> str:
        """A fresh valid NHS number (modulus 11)."""
        while True:
            base = str(next(self._nhs))
            for check in "0123456789":
                if nhs_number_is_valid(base + check):
                    return base + check

    def _default(self, feed: Feed, col: Column) -> str:
        if col.name == feed.key or col.type == "id":
            return f"{feed.name[:3].upper()}{next(self._ids):05d}"
        if col.type == "enum":
            return col.values[0]
        if col.type == "nhs":
            return self.nhs()
        return _DEFAULTS[col.type]

    def add(self, feed_name: str, **values: str | None) -> str:
        """Add one row; returns its key. Unknown column names fail loudly (a typo would hide a case)."""
        feed = self.spec.feeds[feed_name]
        unknown = set(values) - set(feed.header)
        if unknown:
            raise KeyError(f"{feed_name} has no column(s) {sorted(unknown)}")
        row = {}
        for col in feed.columns:
            given = values.get(col.name)
            if given is not None:
                row[col.name] = str(given)
            elif col.required:
                row[col.name] = self._default(feed, col)
            else:
                row[col.name] = ""
        self.rows.setdefault(feed_name, []).append(row)
        return row[feed.key]

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for name, rows in self.rows.items():
            feed = self.spec.feeds[name]
            with (directory / feed.file).open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=feed.header)
                writer.writeheader()
                writer.writerows(rows)
        return directory


def load_fixture(graph: object, fx: FeedFixture, directory: Path) -> None:
    """Write, load and link a fixture, failing on any reject (a fixture with a bad row tests nothing)."""
    from linkage.exact import link_exact
    from loaders.load import load_directory

    report = load_directory(graph, fx.spec, fx.write(directory / "feeds"), directory / "rejects")  # type: ignore[arg-type]
    bad = [(f.file, f.error, f.rejected) for f in report.files if f.error or f.rejected]
    assert not bad, f"fixture rows rejected: {bad}; see {report.rejects_file}"
    link_exact(graph)  # type: ignore[arg-type]


# The agencies of the small test area, one spelling each: flags name their agencies and tests assert those names.
AGENCIES: dict[str, tuple[str, str]] = {
    "JIG1": ("police_team", "Jigsaw 1"),
    "PDU1": ("probation", "Probation Unit 1"),
    "GP1": ("gp_practice", "Example Surgery"),
    "HOSP1": ("hospital", "Example Hospital"),
    "HOS1": ("hospital", "City Hospital"),
    "HV1": ("health_visiting", "Health Visiting"),
    "SCH1": ("school", "Example Primary"),
    "CSC1": ("childrens_social_care", "Children's Social Care"),
    "MASH1": ("mash_police", "MASH police"),
    "SUP1": ("employer", "Supermarket"),
}


def add_agencies(fx: FeedFixture, *agency_ids: str) -> None:
    """Add the named agencies of AGENCIES, in the order given.

    Every signal test needs the managing police team (JIG1) and a few partner agencies; taking them from one
    table keeps the type and name of each the same in every test.
    """
    for agency_id in agency_ids:
        agency_type, name = AGENCIES[agency_id]
        fx.add("agencies", agency_id=agency_id, agency_type=agency_type, name=name)


def add_nominal(
    fx: FeedFixture, surname: str, *, forenames: str = "Adam", dob: str = "1985-04-02", risk: str | None = "low"
) -> str:
    """A police nominal managed by team JIG1; returns the nominal id.

    Low risk is the default because a low risk level must never hide a flag.
    """
    return fx.add(
        "police_nominals",
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        risk_level=risk,
        managing_team_id="JIG1",
    )


def add_offender(
    fx: FeedFixture,
    surname: str,
    *,
    forenames: str = "Adam",
    dob: str = "1985-04-02",
    risk: str | None = "low",
    notified_from: str = "2014-06-01",
    notified_until: str | None = None,
) -> str:
    """A nominal (add_nominal) under notification requirements from `notified_from`; returns the nominal id.

    The usual subject of a signal: most queries look only at offenders within a notification period.
    """
    nominal = add_nominal(fx, surname, forenames=forenames, dob=dob, risk=risk)
    fx.add("police_notification_periods", nominal_id=nominal, start_date=notified_from, end_date=notified_until)
    return nominal


def add_home_address(fx: FeedFixture, nominal: str, surname: str, notified: str = "2014-06-01") -> str:
    """His main address "1 <surname> Road", registered from 2014-06-01 (when management began); returns its id.

    Signals about new, unnotified or unregistered addresses need a settled home for the others to differ from.
    """
    return fx.add(
        "police_addresses",
        nominal_id=nominal,
        address_type="main",
        address_line1=f"1 {surname} Road",
        postcode="ZZ1 1AB",
        from_date="2014-06-01",
        notified_date=notified,
    )


def add_order(fx: FeedFixture, nominal: str, code: str, text: str, *, start: str, end: str | None = None) -> str:
    """A SOPO on the nominal from `start` (to `end`, if it expires) with one condition; returns the order id.

    Order-condition signals need both: a condition is live only while its order runs.
    """
    order = fx.add("police_orders", nominal_id=nominal, order_type="SOPO", start_date=start, end_date=end)
    fx.add("police_order_conditions", order_id=order, condition_code=code, condition_text=text)
    return order


def add_gp_patient(fx: FeedFixture, *, surname: str, forenames: str, dob: str, since: str, **columns: str) -> str:
    """A person with a fresh NHS number registered with GP1 from `since`; returns the NHS number.

    Other health records (births, contacts) find the same person by that number. `columns`: more columns of the
    registration, such as the address.
    """
    nhs = fx.nhs()
    fx.add(
        "health_gp_registrations",
        nhs_number=nhs,
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        practice_id="GP1",
        registered_from=since,
        **columns,
    )
    return nhs
