"""Turning a column of P-codes or place names into admin areas, never silently wrong."""
from carto_desktop.match.matcher import MatchResult, match_table
from carto_desktop.match.names import normalise_name, normalise_pcode

__all__ = ["MatchResult", "match_table", "normalise_name", "normalise_pcode"]
