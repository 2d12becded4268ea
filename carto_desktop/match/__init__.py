"""Turning a column of P-codes, place names or GPS points into admin areas, never silently wrong.

The package's names are loaded on first use: the app's window unpickles `verdicts.Candidate`
(light) from its engine process and must not import the matcher's stack (pandas, geopandas).
"""
from importlib import import_module

_WHERE = {"Decisions": "decisions", "MatchResult": "verdicts", "match_table": "matcher"}
__all__ = ["Decisions", "MatchResult", "match_table"]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f"carto_desktop.match.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'carto_desktop.match' has no attribute {name!r}")
