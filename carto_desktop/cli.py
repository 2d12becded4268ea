"""The `carto-desktop` command: argument parsing only, over the same engine as the app.

Exit codes: 0 done, 2 a problem with the user's files or options (one line on stderr,
no traceback), 1 a bug.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from carto_desktop import __version__
from carto_desktop.choices import IGNORE, ROLES
from carto_desktop.errors import CartoError, OptionError
from carto_desktop.i18n import LANGUAGES, default_language

EXIT_OK, EXIT_BUG, EXIT_USER = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad option as a user error (exit 2) in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USER, f"carto-desktop: {message}. Hint: run \"carto-desktop {self.prog.split()[-1]} --help\".\n"
                  if " " in self.prog else f"carto-desktop: {message}. Hint: run \"carto-desktop --help\".\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="carto-desktop", description="Offline maps from NGO spreadsheets and boundary files.")
    parser.add_argument("--version", action="version", version=f"carto-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the map and messages (default: system)")

    demo = sub.add_parser("demo", help="render the sample map (Mali 3W) and say where it is")
    demo.add_argument("-o", "--output", default="carto-demo.png", help="output file: .png, .pdf, .svg, or .html (an interactive map in one file that opens offline)")
    demo.add_argument("--dpi", type=int, default=300)
    common(demo)

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--table", required=True, help="CSV or spreadsheet with one row per activity/place")
        p.add_argument("--sheet", help="sheet name in a workbook (default: first visible sheet)")
        p.add_argument("--boundaries", help="admin boundaries: GeoJSON, GeoPackage, shapefile, or a built-in set such "
                       "as builtin:NER/2 (default: the built-in set recognised from the table, named on screen)")
        p.add_argument("--country", help="built-in boundaries of this country: ISO3 code (NER), ISO2 (NE) or name "
                       "(see \"carto-desktop boundaries\")")
        p.add_argument("--level", type=int, choices=(1, 2), help="admin level of the built-in boundaries, with "
                       "--country (default: the finest level the table names)")
        p.add_argument("--layer", help="layer of a multi-layer boundary file (default: the first with areas)")
        p.add_argument("--key-column", help="table column with P-codes or area names (default: detected)")
        p.add_argument("--gazetteer", default="geonames",
                       help="place village and town names that are no area: \"geonames\" (default: the bundled "
                       "GeoNames extract, CC BY 4.0, credited on the map), a CSV with columns name, lat, lon, "
                       "or \"none\"")
        p.add_argument("--role", action="append", default=[], metavar="COLUMN=ROLE[:LEVEL]",
                       help="what a column holds, as the app's Data step says it: \"Cercle=admin name:2\", "
                       "\"Village=ignore\" (left out of the map) (repeatable)")

    render = sub.add_parser("render", help="make a map from a table and boundaries")
    inputs(render)
    render.add_argument("--value", help="column to add up, average or count distinct values of")
    render.add_argument("--agg", choices=("count", "distinct", "sum", "mean", "max"), default=None,
                        help="how rows combine per area (default: count rows; with --value, the total of a column "
                        "of numbers or the number of different values of a column of text, said)")
    render.add_argument("--parent-column", help="table column with the parent area (e.g. the region of a cercle)")
    render.add_argument("--template", default="choropleth", help="bundled template id or path to a .json template")
    render.add_argument("--category", help="column of categories: one small map each (sectors), point colours")
    render.add_argument("--lat", help="latitude column, for maps of sites (default: detected)")
    render.add_argument("--lon", help="longitude column, for maps of sites (default: detected)")
    render.add_argument("--scheme", choices=("quantiles", "equal_interval", "natural_breaks"),
                        help="how classes are cut (default: the template's)")
    render.add_argument("--classes", type=int, help="number of classes, 2 to 9 (default: the template's)")
    render.add_argument("--palette", help="ColorBrewer palette, e.g. YlOrRd, Blues (default: the template's)")
    render.add_argument("--projection", help="projected CRS in metres, e.g. EPSG:32630 (default: equal-area, centred)")
    render.add_argument("--basemap", help="offline tile pack (.png + .json) made with \"carto-desktop basemap download\"")
    render.add_argument("--atlas", action="store_true",
                        help="one map per region (admin 1): a page each in a PDF, or one PNG/SVG file each")
    render.add_argument("--whole-country", action="store_true",
                        help="show every region, even when all the data lies in one (default: the map then shows "
                             "that region only, and says so)")
    render.add_argument("--logo", help="your organisation's logo (PNG), drawn top right")
    render.add_argument("--page", help="page size: \"A4 landscape\", \"A3 portrait\", \"Letter landscape\", "
                                       "square_1080, landscape_1200x675, story_1080x1920 (default: the template's)")
    render.add_argument("--raw-points", action="store_true",
                        help="draw points of people (households) one by one instead of counting them per area")
    render.add_argument("--people-points", choices=("areas", "hexagons"), default="areas",
                        help="count points of people (households) per admin area (default) or per hexagon of a grid")
    render.add_argument("--hexagon-km", type=float,
                        help="width of a hexagon in km, with --people-points hexagons (default: from the extent)")
    render.add_argument("--min-count", type=int, default=5,
                        help="counts under this are shown as \"fewer than N\", never exactly (default 5; 0 = off)")
    render.add_argument("--title")
    render.add_argument("--subtitle")
    render.add_argument("--source", help="data source to credit on the map (default: the table's file name)")
    render.add_argument("--legend-title", help="the legend's heading (default: what the numbers count, in words)")
    render.add_argument("--export-data", metavar="FILE", help="also write the map's data, one row per area (area_id, "
                        "area_name, value, records, shown, class, colour): .csv, .gpkg or .geojson")
    render.add_argument("--dpi", type=int, default=300)
    render.add_argument("-o", "--output", required=True, help="output file: .png, .pdf, .svg, or .html (an interactive map in one file that opens offline)")
    render.add_argument("--check", action="store_true", help="print the \"before you share\" check (personal data, "
                        "smallest count, points of people) and keep it next to the map as <map>.check.md")
    render.add_argument("--layout-report", metavar="FILE.json",
                        help="also write where each element of the page was drawn (kind, text, box in mm): "
                             "for checking that nothing overlaps")
    common(render)

    match = sub.add_parser("match", help="match each table row to an admin area and write a CSV to review")
    inputs(match)
    match.add_argument("--keep-personal-columns", action="store_true",
                       help="also write columns detected as personal data (names, phones…); left out by default")
    match.add_argument("--parent-column", help="table column with the parent area (region name or P-code): names are "
                       "matched within it, and a name found only under another parent goes to review")
    match.add_argument("--id-column", help="boundary file column with the area ids (default: the unique P-code column)")
    match.add_argument("--name-column", help="boundary file column with the area names (default: detected)")
    match.add_argument("--aliases", help="JSON alias list of earlier decisions to apply (see carto_desktop.match.decisions)")
    match.add_argument("--lat-column", help="match GPS points instead of names: the latitude column (with --lon-column)")
    match.add_argument("--lon-column", help="the longitude column of the GPS points")
    match.add_argument("-o", "--output", required=True, help="output CSV: every row, its area, score, method, status "
                       "and the top candidates")
    common(match)

    inspect = sub.add_parser("inspect", help="show how a table or boundary file is read: sheets/layers, column roles, warnings")
    inspect.add_argument("--table", help="CSV or spreadsheet to inspect")
    inspect.add_argument("--sheet", help="sheet name in a workbook (default: first visible sheet)")
    inspect.add_argument("--header-row", type=int, help="row number of the column names (default: detected)")
    inspect.add_argument("--role", action="append", default=[], metavar="COLUMN=ROLE[:LEVEL]",
                         help="override a detected role, e.g. \"Cercle=admin name:2\" (repeatable)")
    inspect.add_argument("--boundaries", help="boundary file to inspect: GeoJSON, GeoPackage, shapefile, zip, "
                         "KML/KMZ, or a built-in set such as builtin:NER/2 (without it, the built-in set the table "
                         "refers to is named)")
    inspect.add_argument("--layer", help="layer name in a multi-layer file (default: the first with areas)")
    common(inspect)

    basemap = sub.add_parser("basemap", help="prepare an offline basemap tile pack (needs internet once)")
    basemap_sub = basemap.add_subparsers(dest="basemap_command", parser_class=_Parser, required=True)
    download = basemap_sub.add_parser("download", help="download tiles for an area into a pack (.png + .json)")
    area = download.add_mutually_exclusive_group(required=True)
    area.add_argument("--bbox", nargs=4, type=float, metavar=("WEST", "SOUTH", "EAST", "NORTH"))
    area.add_argument("--for", dest="for_map", metavar="PROJECT_OR_BOUNDARIES",
                      help="the map the pack is for: a .cartoproj, a boundary file or builtin:NER/2; the pack "
                           "covers its whole map frame with a margin, not only the data")
    download.add_argument("--template", default="choropleth", help="with --for a boundary file: the template "
                          "whose page frames the map (default: choropleth)")
    download.add_argument("--page", help="with --for a boundary file: the page, e.g. \"A4 portrait\"")
    download.add_argument("--zoom", type=int, help="tile zoom level, 3 (continent) to 12 (town) (default: chosen "
                          "for the area, at most 300 tiles)")
    download.add_argument("--provider", choices=("osm", "opentopomap"), default="osm")
    download.add_argument("-o", "--output", required=True, help="the pack to write (.png; its .json is written beside it)")
    common(download)

    purge = sub.add_parser("purge", help="delete a project's autosave, recovery and leftover temporary files, and "
                           "take it out of the app's recent projects")
    purge.add_argument("project", help="the project file (.cartoproj); it and its input tables are kept")
    purge.add_argument("--data-folder", help="the app's data folder (default: this user's usual one)")
    common(purge)

    builtin = sub.add_parser("boundaries", help="list the boundaries built into Carto Desktop (no download needed)")
    common(builtin)

    app = sub.add_parser("app", help="open the desktop app (the default with no command)")
    app.add_argument("project", nargs="?", help="a .cartoproj project to open (double-click, file association)")
    common(app)
    return parser


def _boundaries(args: argparse.Namespace) -> Path | str | None:
    """--boundaries (a file or builtin:NER/2), or --country [--level]; None = recognised from the table."""
    from carto_desktop.builtin_boundaries.catalogue import is_builtin, parse_spec, spec_of
    from carto_desktop.errors import OptionError

    country, level = getattr(args, "country", None), getattr(args, "level", None)
    if args.boundaries and (country or level):
        raise OptionError("Give either --boundaries or --country and --level, not both.",
                          hint="--boundaries builtin:NER/2 is the same as --country NER --level 2.")
    if args.boundaries:
        if is_builtin(args.boundaries):
            parse_spec(args.boundaries)  # a wrong code fails here, plainly
            return args.boundaries.strip()
        return Path(args.boundaries)
    if level and not country:
        raise OptionError("--level needs --country.", hint="For example: --country NER --level 2.")
    return spec_of(country, level) if country else None


def _say_boundaries(recognition, lang: str) -> None:
    """Name the built-in boundaries used, and why, on stdout."""
    if recognition is not None and recognition.chosen is not None:
        from carto_desktop.i18n import translate

        text = recognition.sentence(lang) or recognition.chosen.title(lang)
        print(translate("Boundaries: {sentence}", lang, sentence=text))


def _list_builtin(lang: str) -> None:
    """`carto-desktop boundaries`: what is built in, with edition and licence."""
    from carto_desktop.builtin_boundaries.catalogue import load_library
    from carto_desktop.i18n import translate
    from carto_desktop.names import normalise_name

    library = load_library()
    print(translate("Built-in boundaries (choose with --country and --level, or --boundaries builtin:CODE/LEVEL):",
                    lang))
    for chosen in sorted(library.sets.values(), key=lambda b: (normalise_name(b.country.name(lang)), b.level)):
        print(translate("  {spec:<15} {set}: {areas} areas, {licence}", lang, spec=chosen.spec,
                        set=chosen.title(lang), areas=chosen.areas, licence=chosen.licence))
    print(translate("Licence: as HDX publishes OCHA COD-AB; confirm it on the country's HDX page before publishing. "
                    "Outlines simplified by OCHA (about 550 m): for country and region maps.", lang))


def _inspect(args: argparse.Namespace, lang: str) -> int:
    """`inspect`: the table and/or boundaries as read; a built-in set described, or the one the table fits named."""
    from carto_desktop.builtin_boundaries.catalogue import boundary_set, is_builtin, load_library
    from carto_desktop.intake.inspect import describe_layer, inspect_command

    if not (args.boundaries and is_builtin(args.boundaries)):
        line, names = _builtin_line(args.table, args.sheet, lang) if args.table and not args.boundaries else ("", None)
        code = inspect_command(args, lang, area_names=names)  # admin-name columns checked against the set it fits
        if line:
            print(line)
        return code
    chosen = boundary_set(args.boundaries)
    if args.table:
        from carto_desktop.builtin_boundaries.recognise import area_names

        inspect_command(argparse.Namespace(**{**vars(args), "boundaries": None}), lang,
                        area_names=area_names(chosen.country))
    print("\n".join([chosen.title(lang), chosen.credit(lang)] + describe_layer(load_library().path, chosen.table, lang)))
    return EXIT_OK


def _builtin_line(table: str, sheet: str | None, lang: str) -> tuple[str, dict[int, list[str]] | None]:
    """"Built-in boundaries: Niger, departments (…): 57 of 61 names found", or why none fits; and the names of
    that country's areas per level (`recognise.area_names`), or None."""
    from carto_desktop.builtin_boundaries.recognise import area_names, choose_builtin
    from carto_desktop.i18n import translate
    from carto_desktop.intake import read_table

    names = None
    try:
        chosen, recognition = choose_builtin(None, read_table(Path(table), sheet).data)
        sentence, names = recognition.sentence(lang), area_names(chosen.country)
    except CartoError as exc:
        sentence = exc.text(lang)
    return translate("Built-in boundaries: {sentence}", lang, sentence=sentence), names


def _render(project, output: str, dpi: int, check: bool = False, layout_report: str | None = None,
            export_data: str | None = None, account: bool = True) -> Path:
    from carto_desktop.export import check_dpi, check_output, save_map
    from carto_desktop.interactive import HTML_SUFFIXES, build_interactive, save_interactive_map
    from carto_desktop.project import build_map

    if export_data:
        from carto_desktop.map_data import check_data_path

        check_data_path(export_data)  # fail before the slow part
    if Path(output).suffix.lower() in HTML_SUFFIXES:  # an interactive map: one offline HTML file
        html, result = build_interactive(project)
        _say_boundaries(result.recognition, project.lang)
        path = save_interactive_map(html, output)
    else:
        check_output(output)  # fail before the slow part
        check_dpi(dpi)
        result = build_map(project)
        _say_boundaries(result.recognition, project.lang)
        path = save_map(result.figure, output, dpi, drawn=result.drawn)
    for notice in result.notices:
        print(f"carto-desktop: {notice}", file=sys.stderr)
    if account and result.account is not None:  # every row accounted for: "2,482 of 2,574 rows are on the map." and why
        print("\n".join(result.account.lines(project.lang)))
    if export_data:
        from carto_desktop.carto.templates import load_template
        from carto_desktop.map_data import withheld_notice, write_map_data

        template = result.template or load_template(project.template)
        written = write_map_data(result.data, template, export_data, project.lang)
        print(written.resolve())
        if notice := withheld_notice(result.data, template, written, project.lang):
            print(f"carto-desktop: {notice}", file=sys.stderr)  # the file withholds what the map hides, and says so
    if layout_report and result.figure is not None:
        from carto_desktop.carto.layout_report import write_layout_report

        write_layout_report(result.figure, result.drawn, layout_report)
    if check:
        from carto_desktop.privacy.check import share_check, write_check

        report = share_check(project, result, map_files=[path])
        print(report.markdown(path.name))
        print(write_check(report, path).resolve())
    return path


def parse_roles(specs: Sequence[str]) -> dict[str, str]:
    """--role "COLUMN=ROLE[:LEVEL]" (repeatable) as `Project.roles`: what the user says a column holds."""
    roles: dict[str, str] = {}
    for spec in specs:
        column, sep, role = spec.partition("=")
        name, _, level = role.strip().partition(":")
        if not sep or name.strip() not in (*ROLES, IGNORE) or (level and not level.strip().isdigit()):
            raise OptionError(
                "\"{spec}\" is not a column role; use one of: {roles} (with \":level\" for admin names and P-codes).",
                hint="For example \"admin name:2\" for a column of cercle names.", spec=spec,
                roles=", ".join((*ROLES, IGNORE)) if sep else "COLUMN=ROLE[:LEVEL]")
        roles[column.strip()] = f"{name.strip()}:{level.strip()}" if level.strip() else name.strip()
    return roles


def _frame_of(target: str, template: str, page: str | None) -> tuple[float, float, float, float]:
    """The map frame (with its margin) of a project or of a boundary file on a template's page."""
    from carto_desktop.choices import Project
    from carto_desktop.project import map_frame_bbox

    if target.lower().endswith(".cartoproj"):
        from carto_desktop.project_file import project_from_dict, read_project

        project = project_from_dict(read_project(target).data)
    else:
        from carto_desktop.builtin_boundaries.catalogue import is_builtin

        project = Project(table=None, boundaries=target if is_builtin(target) else Path(target), template=template,
                          page=page)
    return map_frame_bbox(project)


def _unsure_reasons(result, lang: str) -> dict[str, int]:
    """Rows not matched automatically, counted by the reason the app's Match step gives their value (a name
    an area almost has is a misspelling, not "only villages"), most rows first."""
    from collections import Counter

    from carto_desktop.match.reasons import unsure_values

    counts: Counter[str] = Counter()
    for unsure in unsure_values(result):
        counts[unsure.why(lang, short=True)] += unsure.rows
    return dict(counts.most_common())


def _check_role_columns(roles: dict[str, str], columns, table: Path) -> None:
    """A role for a column the table does not have is a typo: said, never ignored."""
    for column in roles:
        if column not in {str(c) for c in columns}:
            raise OptionError("The table has no column named \"{column}\".",
                              hint="Check the spelling; column names are listed by \"carto-desktop inspect\".",
                              column=column, file=table)


def _gazetteer(args: argparse.Namespace) -> str | None:
    """--gazetteer: "geonames" (default), a CSV path, or "none"."""
    choice = (args.gazetteer or "").strip()
    return None if choice.lower() in ("", "none") else choice


def _read_ahead(project) -> None:
    """Start reading the table on a second core while the map stack is imported (0.5 s): python-calamine
    parses a workbook without holding Python's lock (`intake.tables.read_ahead`)."""
    from carto_desktop.intake.tables import read_ahead

    read_ahead(project.table, project.sheet)


def run(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", None) or default_language()  # no command: no --lang either
    if args.command == "demo":
        from carto_desktop.sample import sample_project

        project = sample_project(lang)
        _read_ahead(project)
        path = _render(project, args.output, args.dpi, account=False)
        print(path.resolve())
        return EXIT_OK
    if args.command == "render":
        from carto_desktop.choices import Project

        project = Project(
            table=Path(args.table), boundaries=_boundaries(args), sheet=args.sheet, key_column=args.key_column,
            parent_column=args.parent_column, layer=args.layer,
            value_column=args.value, agg=args.agg or ("auto" if args.value else "count"), template=args.template, lang=lang,
            category_column=args.category, lat_column=args.lat, lon_column=args.lon,
            scheme=args.scheme, classes=args.classes, palette=args.palette, projection=args.projection,
            basemap=Path(args.basemap) if args.basemap else None, raw_points=args.raw_points,
            people_points=args.people_points, hexagon_km=args.hexagon_km, whole_country=args.whole_country,
            logo=Path(args.logo) if args.logo else None, page=args.page,
            min_count=args.min_count, gazetteer=_gazetteer(args), roles=parse_roles(args.role),
        )
        project = replace(project, title=args.title, subtitle=args.subtitle, data_credit=args.source,
                          legend_heading=args.legend_title)
        _read_ahead(project)
        if args.atlas:
            from carto_desktop.atlas import save_atlas
            from carto_desktop.interactive import HTML_SUFFIXES

            if Path(args.output).suffix.lower() in HTML_SUFFIXES:
                from carto_desktop.errors import OptionError

                raise OptionError("An atlas is a map per region in a PDF or in PNG or SVG files, not an "
                                  "interactive map.", hint="Use .pdf, .png or .svg with --atlas, or leave out --atlas: "
                                  "the interactive map zooms to any region.", file=args.output)
            single = [o for o, v in (("--check", args.check), ("--export-data", args.export_data),
                                     ("--layout-report", args.layout_report)) if v]
            if single:  # the atlas writes none of them: said, not left out without a word
                from carto_desktop.errors import OptionError

                raise OptionError("{options}: only for a single map, not for an atlas.",
                                  hint="Run the command once without --atlas for them, and once without them "
                                  "for the atlas.", options=", ".join(single))
            from carto_desktop.project import resolve_boundaries

            project, recognition = resolve_boundaries(project)
            _say_boundaries(recognition, lang)

            for path in save_atlas(project, args.output, args.dpi):
                print(path.resolve())
            return EXIT_OK
        path = _render(project, args.output, args.dpi, check=args.check, layout_report=args.layout_report,
                       export_data=args.export_data)
        print(path.resolve())
        return EXIT_OK
    if args.command == "boundaries":
        _list_builtin(lang)
        return EXIT_OK
    if args.command == "purge":
        from carto_desktop.privacy.purge import purge_project

        for line in purge_project(Path(args.project), args.data_folder).lines(lang):
            print(line)
        return EXIT_OK
    if args.command == "match":
        from carto_desktop.match.report import write_match_csv
        from carto_desktop.project import Project, run_match

        project = Project(table=Path(args.table), boundaries=_boundaries(args), sheet=args.sheet,
                          key_column=args.key_column, parent_column=args.parent_column, lang=lang, layer=args.layer,
                          gazetteer=_gazetteer(args), roles=parse_roles(args.role),
                          aliases=Path(args.aliases) if args.aliases else None, id_column=args.id_column,
                          name_column=args.name_column, lat_column=args.lat_column, lon_column=args.lon_column)
        table, layer, result = run_match(project, points=bool(args.lat_column or args.lon_column))
        _check_role_columns(project.roles, table.data.columns, project.table)
        _say_boundaries(layer.attrs.get("recognition"), lang)
        from carto_desktop.match.verdicts import MATCH_COLUMNS
        from carto_desktop.privacy.sensitive import detect_sensitive, sensitive_columns

        personal = [] if args.keep_personal_columns else [
            c for c in sensitive_columns(detect_sensitive(result.rows.drop(columns=MATCH_COLUMNS, errors="ignore")))
            if c != result.key_column]
        path = write_match_csv(result, args.output, leave_out=personal)
        from carto_desktop.i18n import translate

        if personal:
            print(translate("Personal columns left out (use --keep-personal-columns to keep them): {columns}",
                            lang, columns=", ".join(personal)))
        c = result.counts
        print(translate("{path}: {matched} matched, {review} to review, {unmatched} unmatched (key column \"{key}\")",
                        lang, path=path.resolve(), matched=c["matched"], review=c["review"],
                        unmatched=c["unmatched"], key=result.key_column))
        for note in result.notes:  # what matching read differently from the table's writing
            print(note.text(lang))
        why = _unsure_reasons(result, lang)
        if why:
            print(translate("Not matched automatically: {reasons}", lang,
                            reasons="; ".join(f"{n} × {reason}" for reason, n in why.items())))
        if result.unknown_parents:
            print(translate("Parents not in the boundary file (their rows go to review): {parents}", lang,
                            parents=", ".join(result.unknown_parents[:10])))
        for credit in result.credits:
            print(translate("Places: {credit}", lang, credit=credit))
        return EXIT_OK
    if args.command == "basemap":
        from carto_desktop.carto.basemap import download_tile_pack

        bbox = tuple(args.bbox) if args.bbox else _frame_of(args.for_map, args.template, args.page)
        pack = download_tile_pack(bbox, args.zoom, args.output, args.provider)
        print(f"{pack.path.resolve()} ({pack.attribution})")
        return EXIT_OK
    if args.command == "inspect":
        return _inspect(args, lang)
    from carto_desktop.gui.app import run_app  # heavy Qt import only when the app is wanted

    return run_app(lang=getattr(args, "lang", None), project=getattr(args, "project", None))


def program_arguments(argv: Sequence[str]) -> list[str]:
    """A lone `.cartoproj` (double-click, file association, `carto-desktop Mopti.cartoproj`) opens the app on it."""
    argv = list(argv)
    if len(argv) == 1 and argv[0].lower().endswith(".cartoproj"):
        return ["app", argv[0]]
    return argv


def _quiet_stdout(stream=None) -> None:
    """Point stdout (or `stream`) at the null device so Python's final flush into the closed pipe is not an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (stream or sys.stdout).fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class _UntilTheReaderLeaves:
    """stdout or stderr that goes to the null device once its reader has gone (`render --check … | head -1`):
    the command still writes every file it was asked for (map data, layout report, .check.md), where the
    first print after `head` left raised BrokenPipeError and ended it with code 0 before them."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _quiet_stdout(self._stream)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _quiet_stdout(self._stream)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(program_arguments(sys.argv[1:] if argv is None else argv))
    return _main(args)


def command() -> None:
    """The installed `carto-desktop` (and `python -m carto_desktop`): run, then leave at once.

    A command that made its file has nothing left to do, but Python's own exit would still take
    every module and object apart one by one: 0.1-0.15 s of the 1.5 s a render takes, for memory
    the system takes back anyway. Outputs are closed and renamed into place before this point
    (`files.write_atomically`), temporary folders are removed by their `with` blocks, and only
    what was printed needs flushing. The app exits the ordinary way (Qt saves its settings then).
    """
    args = build_parser().parse_args(program_arguments(sys.argv[1:]))
    if _one_shot(args):
        # numpy's OpenBLAS starts a thread per core as it is imported (0.05 s of processor time)
        # for matrix products a map never makes; the person's own setting wins
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = _main(args)
    if not _one_shot(args):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader has gone (`| head`): nothing left to say
            pass
        except (OSError, ValueError) as exc:  # `> report.txt` on a full disk: the report is cut short
            if stream is sys.stdout and isinstance(exc, OSError):
                code = _unwritten_output(exc, getattr(args, "lang", None) or default_language())
    os._exit(code)


def _unwritten_output(exc: OSError, lang: str) -> int:
    """Say in one sentence that what the command printed did not all reach its file (exit 2, not 0)."""
    from carto_desktop.errors import ExportError

    error = ExportError("What the command printed could not be written: {reason}.",
                        hint="Choose a folder you can write to, with free space.", reason=exc.strerror or str(exc))
    try:
        print(f"carto-desktop: {error.text(lang)}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
    return EXIT_USER


def _one_shot(args: argparse.Namespace) -> bool:
    """A command that runs once and exits (not the app, which the bare command opens too)."""
    return args.command not in (None, "app")


def _main(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", None) or default_language()
    # A command runs once and exits: Python's search for reference cycles among the objects of a
    # 24,000-row table and a page of drawings costs 0.1-0.3 s and would free a few MB at most.
    one_shot = _one_shot(args)
    collecting = one_shot and gc.isenabled()
    streams = sys.stdout, sys.stderr
    if one_shot:
        sys.stdout, sys.stderr = (_UntilTheReaderLeaves(s) if s is not None else s for s in streams)
    if collecting:
        gc.disable()
    try:
        return run(args)
    except CartoError as exc:
        print(f"carto-desktop: {exc.text(lang)}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `carto-desktop inspect | head`: the reader has what it wanted
        _quiet_stdout()
        return 0
    except Exception:  # a bug: say so plainly, keep the traceback for the report
        traceback.print_exc()
        print("carto-desktop: internal error (a bug). Please report it with the lines above.", file=sys.stderr)
        return EXIT_BUG
    finally:
        if collecting:
            gc.enable()
        sys.stdout, sys.stderr = streams
