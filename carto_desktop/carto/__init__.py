"""Cartography: templates, classification, page layout, map elements and rendering."""
