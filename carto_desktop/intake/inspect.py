"""What Carto Desktop understood of a file, in words: sheets or layers, columns and
their roles, warnings. Used by `carto-desktop inspect`; the app shows the same facts.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from carto_desktop.i18n import translate
from carto_desktop.intake.notices import notice_text
from carto_desktop.intake.tables import SHEET_SUFFIXES, list_sheets, read_table


def _role_text(role, lang: str) -> str:
    text = translate(role.role, lang)
    if role.level is not None and role.role in ("admin name", "P-code"):
        text += " " + translate("(admin {level})", lang, level=role.level)
    if role.source == "user":
        text += " " + translate("(set by you)", lang)
    return text


def describe_table(path: str | Path, sheet: str | None = None, lang: str = "en", header_row: int | None = None,
                   overrides: dict[str, str] | None = None,
                   area_names: Mapping[int, Collection[str]] | None = None) -> list[str]:
    """Lines describing the table: where it was read from, its columns' roles (admin-name columns checked
    against `area_names`, see `detect_roles`), warnings."""
    table = read_table(path, sheet, header_row=header_row)
    from carto_desktop.intake.roles import detect_roles  # after reading: a bad file fails fast

    roles = detect_roles(table, overrides, area_names=area_names)
    lines = []
    if Path(path).suffix.lower() in SHEET_SUFFIXES and table.sheet is not None:
        lines.append(translate("Sheets: {sheets}", lang, sheets=", ".join(list_sheets(path)) or table.sheet))
    lines.append(translate("Read: {rows} rows × {columns} columns, header in row {header}", lang,
                           rows=len(table.data), columns=table.data.shape[1], header=table.header_row))
    if table.encoding:
        lines.append(translate("Encoding: {encoding}; separator: {separator}", lang, encoding=table.encoding,
                               separator={"\t": "tab", ",": ",", ";": ";", "|": "|"}.get(table.delimiter or ",", "?")))
    lines.append(translate("Columns:", lang))
    for column, role in roles.columns.items():
        lines.append("  " + translate("{column}: {role}", lang, column=column, role=_role_text(role, lang)))
    form = roles.form
    if form.is_form:
        lines.append(translate("Form export (KoboToolbox/ODK):", lang))
        for point in form.geopoints:
            lines.append("  " + translate("GPS point \"{name}\": columns {columns}", lang, name=point.name,
                                          columns=", ".join(c for c in (point.cell_column, point.lat_column,
                                                                        point.lon_column) if c)))
        if form.geolocation:
            lines.append("  " + translate("GPS point \"{name}\": columns {columns}", lang, name="_geolocation",
                                          columns=form.geolocation))
        for question, options in form.select_multiple.items():
            lines.append("  " + translate("Multiple-choice question \"{name}\": {count} choices", lang,
                                          name=question, count=len(options)))
    from carto_desktop.intake.roles import coordinates_of

    points = coordinates_of(table, roles)
    if points is not None:
        usable = sum(1 for a in points.lat if a == a)
        lines.append(translate("GPS points: {usable} usable, {problems} with a problem", lang, usable=usable,
                               problems=len(points.problems)))
    warnings = list(table.warnings) + list(roles.warnings)
    if warnings:
        lines.append(translate("Warnings:", lang))
        lines += [f"  - {notice_text(w, lang)}" for w in warnings]
    return lines


def describe_layer(path: str | Path, layer: str | None = None, lang: str = "en") -> list[str]:
    """Lines describing the boundary layer: layers of the file, areas, columns, warnings."""
    from carto_desktop.intake.layers import read_layer

    gdf = read_layer(path, layer)
    from carto_desktop.intake.roles import detect_roles  # after reading: a bad file fails fast
    lines = []
    if len(gdf.attrs.get("layers") or []) > 1:
        lines.append(translate("Layers: {layers}", lang, layers=", ".join(gdf.attrs["layers"])))
    lines.append(translate("Read: {count} areas in WGS84 longitude/latitude", lang, count=len(gdf)))
    table_like = gdf.drop(columns="geometry").astype(object).where(gdf.drop(columns="geometry").notna(), None)
    roles = detect_roles(table_like.astype(str).where(table_like.notna(), None))
    lines.append(translate("Columns:", lang))
    for column, role in roles.columns.items():
        lines.append("  " + translate("{column}: {role}", lang, column=column, role=_role_text(role, lang)))
    if gdf.attrs.get("warnings"):
        lines.append(translate("Warnings:", lang))
        lines += [f"  - {notice_text(w, lang)}" for w in gdf.attrs["warnings"]]
    return lines


def inspect_command(args, lang: str, area_names: Mapping[int, Collection[str]] | None = None) -> int:
    """`carto-desktop inspect`: print what was understood of --table and/or --boundaries."""
    from carto_desktop.errors import OptionError

    if not args.table and not args.boundaries:
        raise OptionError("Give a file to inspect with --table or --boundaries.",
                          hint="For example: carto-desktop inspect --table data.xlsx")
    overrides = {}
    for spec in args.role:
        column, sep, role = spec.partition("=")
        if not sep:
            raise OptionError("\"{spec}\" is not a column role; use one of: {roles} (with \":level\" for admin names and P-codes).",
                              hint="For example \"admin name:2\" for a column of cercle names.", spec=spec,
                              roles="COLUMN=ROLE[:LEVEL]")
        overrides[column.strip()] = role.strip()
    if args.table:
        print("\n".join([str(Path(args.table).name)] + describe_table(args.table, args.sheet, lang, args.header_row, overrides,
                                                                       area_names)))
    if args.boundaries:
        print("\n".join([str(Path(args.boundaries).name)] + describe_layer(args.boundaries, args.layer, lang)))
    return 0

