"""Turning a column of P-codes, place names or GPS points into admin areas, never silently wrong."""
from carto_desktop.match.decisions import Decisions
from carto_desktop.match.matcher import match_table
from carto_desktop.match.verdicts import MatchResult

__all__ = ["Decisions", "MatchResult", "match_table"]
