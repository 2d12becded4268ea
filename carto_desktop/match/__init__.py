"""Turning a column of P-codes, place names or GPS points into admin areas, never silently wrong."""
from carto_desktop.match.decisions import Decisions
from carto_desktop.match.matcher import MatchResult, match_table
from carto_desktop.match.names import name_key, normalise_name, normalise_pcode

__all__ = ["Decisions", "MatchResult", "match_table", "name_key", "normalise_name", "normalise_pcode"]
