"""Reading the user's tables and boundary layers safely (see `read_table`, `read_layer`).

`read_layer` and `list_layers` are loaded on first use, so reading a table does not
pay for importing geopandas.
"""
from carto_desktop.intake.tables import Table, list_sheets, read_table

__all__ = ["Table", "list_layers", "list_sheets", "read_layer", "read_table"]


def __getattr__(name: str):
    if name in ("read_layer", "list_layers"):
        from carto_desktop.intake import layers

        return getattr(layers, name)
    raise AttributeError(name)
