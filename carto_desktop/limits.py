"""How much of a file Carto Desktop reads: the resource limits, each with the sentence the user gets.

A small file can ask for a huge amount of memory or time (a cell reference far beyond any
sheet, one row of a million empty cells, a ring retracing itself a million times). Past
these limits the file is refused with one plain sentence (English below, French in
`messages/`), never a crash, a freeze or gigabytes of memory. The limits sit far above
real humanitarian data: the largest tables and boundary files seen (a 24,088-row 3W,
a 1,000,000-row load test, 50,000 polygons) are well inside them.
"""
from __future__ import annotations

MAX_COLUMNS = 5_000
"""Columns of a table, counted up to the last filled cell of any row.
"The table has {count} columns; Carto Desktop reads at most {limit}."
Hint: "Delete the columns you do not need (and any empty columns after your data), then save the file again."
"""

MAX_SHEET_CELLS = 30_000_000
"""Cells of a worksheet's span (rows × columns up to its farthest cell reference).
"The sheet reaches cell {cell}: {rows} rows × {columns} columns is more than Carto Desktop reads ({limit} cells)."
Hint: "Delete the empty rows and columns after your data (or the stray cell) in Excel or LibreOffice, then save it again."
"""

MAX_WORKBOOK_MEMORY = 1024 * 1024 * 1024
"""Memory the reader of an .xls or .ods workbook may take (it runs in a guarded child process).
"The workbook could not be read: it asks for more memory than any table needs, so it is probably damaged."
Hint: "Open it in Excel or LibreOffice and save it again as .xlsx."
"""

MAX_VERTICES = 5_000_000
"""Coordinate points of all areas of a boundary file together.
"The boundary file has {count} points; Carto Desktop draws at most {limit}."
Hint: "Simplify the boundaries first (for example with mapshaper.org or QGIS), then open them again."
"""

MAX_PARTS = 20_000
"""Separate parts (polygons) of one area.
"Area {area} of the boundary file is made of {count} separate parts; Carto Desktop reads at most {limit} per area."
Hint: "Simplify the boundaries first (for example with mapshaper.org or QGIS), then open them again."
"""

MAX_FIELDS = 5_000
"""Attribute columns (properties) of a boundary file.
"The boundary file has {count} attribute columns; Carto Desktop reads at most {limit}."
Hint: "Keep only the name and code columns (for example in QGIS), then open it again."
"""
