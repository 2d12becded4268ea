"""Reading the user's tables and boundary layers safely (see `read_table`, `read_layer`)."""
from carto_desktop.intake.layers import read_layer
from carto_desktop.intake.tables import Table, list_sheets, read_table

__all__ = ["Table", "list_sheets", "read_layer", "read_table"]
