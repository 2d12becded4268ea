"""Carto Desktop: offline maps from NGO spreadsheets and boundary files."""

__version__ = "0.1.0"
