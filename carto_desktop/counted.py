"""What a map's numbers count: people, organisations, activities, sites… decided once.

Two things follow from it, both decided here and nowhere else: whether small counts are
hidden (only counts of people are: organisations, activities, projects, sites and
facilities never), and the words a map uses for its number ("People in need",
"Organisations") instead of a column name or "Sum of PIN". The evidence is the table's HXL
tags first (`#inneed`, `#org`, `#sector`, `+ind`, `+hh`…), then column names in French and
English, then whether the rows themselves are people (`privacy.is_people_points`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from carto_desktop.i18n import translate

# what a value column holds, from its HXL tag (base tag and attributes) ...
_HXL_MEANING = (
    (("#inneed",), "in_need"), (("#targeted",), "targeted"), (("#reached",), "reached"),
    (("#affected", "+idps"), "idps"), (("#affected", "+returnees"), "returnees"),
    (("#affected", "+refugees"), "refugees"), (("#affected",), "affected"), (("#population",), "population"),
    (("#beneficiary",), "beneficiaries"), (("#org",), "organisations"), (("#sector",), "sectors"),
    (("#subsector",), "sectors"), (("#activity",), "activities"), (("#loc",), "sites"),
)
# ... or from the words of its name (accents removed, lower case)
_NAME_MEANING = (
    (r"\bpin\b|\bin need\b|dans le besoin|\bbesoin", "in_need"),
    (r"\bcibl|\btarget", "targeted"),
    (r"\batteint|\breached\b", "reached"),
    (r"\bidps?\b|deplace", "idps"),
    (r"\bretourn|\breturnee", "returnees"),
    (r"\brefugi|\brefugee", "refugees"),
    (r"\baffect", "affected"),
    (r"\bbenefici", "beneficiaries"),
    (r"\bmenages?\b|\bhouseholds?\b|\bhh\b", "households"),
    (r"\bpersonnes?\b|\bpeople\b|\bpersons?\b|\bindividus?\b|\bindividuals?\b|\benfants?\b|\bchildren\b",
     "people"),
    (r"\bpopulation\b", "population"),
    (r"\borgani[sz]ation|\bong\b|\bngos?\b|\bpartenaires?\b|\bpartners?\b|\bacteurs?\b|\bactors?\b|\bagences?\b"
     r"|\bagency\b|\bacc?ronyme?\b|\bbailleurs?\b|\bdonors?\b", "organisations"),
    (r"\bclusters?\b|\bsecteurs?\b|\bsectors?\b", "sectors"),
    (r"\bactivit|\bprojets?\b|\bprojects?\b|\binterventions?\b", "activities"),
    (r"\bsites?\b|\bfacilit|\bstructures?\b|\becoles?\b|\bschools?\b|\bcentres? de sante|\bhopita|\bhospital"
     r"|\bcscom|\bcsref|\bforages?\b|\bpoints? d.eau", "sites"),
    (r"\bmontant|\bamount\b|\busd\b|\bfcfa\b|\bcfa\b|\beur\b|\bbudget|\bcost|\bcout\b|\bcash\b|\bprix\b|\bprice",
     "money"),
)
PEOPLE = {"in_need", "targeted", "reached", "idps", "returnees", "refugees", "affected", "beneficiaries",
          "households", "people", "population"}
NEVER_PEOPLE = {"organisations", "sectors", "activities", "sites", "money"}

# the words a map uses for each meaning (English catalogue keys; French in messages/counted.py)
_NOUN = {
    "in_need": "People in need", "targeted": "People targeted", "reached": "People reached",
    "idps": "Internally displaced people", "returnees": "Returnees", "refugees": "Refugees",
    "affected": "People affected", "beneficiaries": "Beneficiaries", "households": "Households",
    "people": "People", "population": "Population",
}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9#+]+", text)).strip()


def column_meaning(column: str | None, hxl_tag: str | None = None) -> str | None:
    """What a column holds ("in_need", "organisations", "money"…), from its HXL tag, else its name; None if unknown."""
    if not column:
        return None
    if hxl_tag:
        tag = hxl_tag.replace(" ", "").lower()
        parts = set(re.findall(r"[#+][a-z_0-9]+", tag))
        base = next(iter(re.findall(r"#[a-z_0-9]+", tag)), "")
        for needed, meaning in _HXL_MEANING:
            if needed[0] == base and set(needed[1:]) <= parts:
                return "households" if meaning in PEOPLE and "+hh" in parts else meaning
    name = _plain(column)
    for pattern, meaning in _NAME_MEANING:
        if re.search(pattern, name):
            return meaning
    return None


@dataclass(frozen=True)
class Counted:
    """What the map's value is, and so whether a small one reveals people."""

    agg: str
    column: str | None
    meaning: str | None  # column_meaning of the value column (None for a count of rows)
    rows: str  # what a row is: "people", "activities" (a 3W), "sites", "records"
    value_counts_people: bool  # a small value (under the threshold) would single out people: hidden
    rows_are_people: bool  # a figure from few rows would single them out: hidden too

    def indicator(self, lang: str = "en", kind: str = "choropleth") -> str:
        """The legend heading in the user's words: "People in need", "Number of organisations"; a presence map
        (`kind`) shows where there is something, not a number: "Presence" over "Activities reported"."""
        if kind == "presence":
            return translate("Presence", lang)
        if self.agg == "count":
            return translate({"people": "Number of people or households", "activities": "Number of activities",
                              "sites": "Number of sites"}.get(self.rows, "Number of records"), lang)
        if self.agg == "distinct":
            if self.meaning in ("organisations", "sectors", "activities", "sites"):
                return translate({"organisations": "Number of organisations", "sectors": "Number of sectors",
                                  "activities": "Number of activities", "sites": "Number of sites"}[self.meaning],
                                 lang)
            return translate("Number of different \"{column}\"", lang, column=self.column)
        noun = _NOUN.get(self.meaning or "")
        what = translate(noun, lang) if noun else None
        if self.agg == "sum":
            return what or translate("{column} (total)", lang, column=self.column)
        if self.agg == "mean":
            return translate("{what} (average per row)", lang, what=what or self.column)
        return translate("{what} (highest figure)", lang, what=what or self.column)


def what_is_counted(data: pd.DataFrame, agg: str, value_column: str | None = None,
                    hxl_tags: dict[str, str] | None = None) -> Counted:
    """Decide what `agg` of `value_column` over the rows of `data` counts (see the module's docstring)."""
    from carto_desktop.privacy.sensitive import is_people_points

    tags = hxl_tags or {}
    columns = [str(c) for c in data.columns]
    rows_are_people = bool(is_people_points(data))
    meanings = {c: column_meaning(c, tags.get(c)) for c in columns}
    if rows_are_people:
        rows = "people"
    elif "organisations" in meanings.values() and ({"sectors", "activities"} & set(meanings.values())):
        rows = "activities"  # a 3W: who does what where, one row per activity
    elif "sites" in meanings.values():
        rows = "sites"
    else:
        rows = "records"
    meaning = meanings.get(value_column) if value_column else None
    if meaning is None and value_column:
        meaning = column_meaning(value_column, tags.get(value_column))
    if agg == "count":
        counts_people = rows_are_people
    elif agg == "distinct":  # different households or people of a survey count them; organisations never do
        counts_people = rows_are_people and meaning not in NEVER_PEOPLE
    elif agg == "sum":  # people in need, beneficiaries; or any number added up over rows that are people
        counts_people = meaning in PEOPLE or (rows_are_people and meaning not in NEVER_PEOPLE)
    else:  # a mean or a maximum is no count; few rows of people behind it still reveal them
        counts_people = False
    return Counted(agg, value_column, meaning, rows, counts_people, rows_are_people)


# what a map counts whose small figures are never hidden, in the Style step's words
_NEVER_HIDDEN = {
    "organisations": "This map counts organisations: organisations are never hidden.",
    "sectors": "This map counts sectors: sectors are never hidden.",
    "activities": "This map counts activities: activities are never hidden.",
    "sites": "This map counts sites: sites are never hidden.",
    "money": "This map adds up amounts of money: amounts are never hidden.",
}


def small_counts_text(data, lang: str = "en") -> str:
    """Whether the small-count threshold changes this map, in one sentence for the app's Style step.

    `data` is the drawn `MapData`: its `min_count`, `counts_people`, `records_are_people` (decided by
    `what_is_counted`, kept as `counted`) and `suppressed()` say it; nothing is decided here again.
    """
    if getattr(data, "points", None) is not None:  # sites drawn one by one: no count to hide
        return translate("This map draws each site as a point: it shows no count, so nothing is hidden.", lang)
    counted = getattr(data, "counted", None)
    people = bool(data.counts_people or data.records_are_people)
    if not people:
        meaning = counted.meaning if counted is not None and counted.agg != "count" else \
            (counted.rows if counted is not None else None)
        key = _NEVER_HIDDEN.get(meaning or "", "The rows of this table are not people: no figure is hidden.")
        return translate(key, lang)
    n = int(data.min_count)
    if n <= 1:
        return translate("This map counts people and shows every figure exactly, even the smallest.", lang)
    hidden = int(data.suppressed().sum())
    if hidden == 0:
        return translate("This map counts people; no area has fewer than {n}.", lang, n=n)
    return translate("This map counts people: {areas} areas under {n} are shown as \"fewer than {n}\".", lang,
                     areas=hidden, n=n)
