"""A `Project` holds the user's choices and replays the whole flow into a map.

The app edits one, the CLI builds one from its flags, and the sample project is one.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from carto_desktop.aggregate import AreaValues, aggregate, aggregate_by_category
from carto_desktop.carto.admin_levels import admin_level_of, level_word
from carto_desktop.carto.basemap import TilePack, open_tile_pack
from carto_desktop.builtin_boundaries.catalogue import is_builtin, read_builtin, set_of
from carto_desktop.carto.glyphs import missing_letters
from carto_desktop.carto.credits import collect_credits, stated_credit
from carto_desktop.carto.drawn import DrawnPage
from carto_desktop.carto.page import PageTexts, render_page
from carto_desktop.carto.projection import MapProjection, choose_projection
from carto_desktop.carto.templates import Template, load_template
from carto_desktop.carto.thematic import MapData, shared_locations, shared_locations_text
from carto_desktop.choices import IGNORE, PLACE_ROLES, Project
from carto_desktop.counted import what_is_counted
from carto_desktop.rows_account import (
    RowsAccount, account_rows, account_sites, larger_area_label, larger_area_of_rows,
)
from carto_desktop.totals import check_totals, find_total_rows
from carto_desktop.value_columns import value_columns
from carto_desktop.errors import DataError, OptionError
from carto_desktop.hexagons import KEYS as HEXAGON_KEYS, NICE_KM, count_in_hexagons, size_text
from carto_desktop.number_format import format_number
from carto_desktop.framing import on_region, region_notice, region_of_data
from carto_desktop.i18n import Told, translate
from carto_desktop.intake import Table, read_layer, read_table
from carto_desktop.intake.roles import Roles, detect_roles, refine_roles
from carto_desktop.intake.tables import require_column
from carto_desktop.match.matcher import match_table
from carto_desktop.match.verdicts import MatchResult
from carto_desktop.match.boundary_keys import boundary_keys
from carto_desktop.match.decisions import Decisions, boundary_set_id, load_aliases
from carto_desktop import reuse
from carto_desktop.paths import sample_data_dir
from carto_desktop.sample import SAMPLE_TEXTS, sample_project  # noqa: F401 - the engine's name for them

if TYPE_CHECKING:
    from matplotlib.figure import Figure  # loads with carto_desktop.carto (see its __init__)

    from carto_desktop.builtin_boundaries.recognise import Recognition

COUNTRY_OUTLINES = "countries_africa_ne_50m.fgb"  # FlatGeobuf: read in 2 ms, where GeoJSON took 12 ms


@dataclass
class MapResult:
    """The rendered page and the intermediate results the user may want to inspect."""

    figure: Figure | None  # None for an interactive map (`interactive.py`), which draws no page
    table: Table
    match: MatchResult | None  # None for point maps, which place rows by coordinates
    values: AreaValues | None
    data: MapData
    notices: list[str] = field(default_factory=list)  # things the user must be told (`Told`: the CLI prints them,
    # the app lists them in the person's language in its Export step)
    recognition: Recognition | None = None  # the built-in boundaries used, and why (None: the user's file)
    account: RowsAccount | None = None  # "M of N rows are on the map" and why the rest are not (None: points)
    template: Template | None = None  # the template the page was drawn with (points of people: a choropleth)
    drawn: DrawnPage | None = None  # what the page knows about itself (`render_page`); None without a page


def country_outlines() -> gpd.GeoDataFrame:
    """Bundled Natural Earth outlines of Africa, for the light basemap and the inset (read once per process)."""
    return _country_outlines().copy()


@lru_cache(maxsize=1)
def _country_outlines() -> gpd.GeoDataFrame:
    return gpd.read_file(sample_data_dir() / COUNTRY_OUTLINES, engine="pyogrio")


VOTERS = 1000  # areas that vote in `country_of`


def country_of(layer: gpd.GeoDataFrame, countries: gpd.GeoDataFrame) -> gpd.GeoSeries | None:
    """The Natural Earth row of the country that holds most of the layer's area.

    Each area votes with its size for the country its inner point falls in: no union of
    every polygon (0.2-0.4 s for 10,000 village areas), and a layer that reaches over a
    border goes to the country it mostly covers.
    """
    geoms = layer.to_crs(countries.crs).geometry.to_numpy()
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(geoms) == 0:
        return None
    areas = shapely.area(geoms)
    if len(geoms) > VOTERS:  # the largest areas hold nearly all the weight
        largest = np.argpartition(areas, -VOTERS)[-VOTERS:]
        geoms, areas = geoms[largest], areas[largest]
    point, country = countries.sindex.query(shapely.point_on_surface(geoms), predicate="within")
    if len(point) == 0:
        return None
    votes = np.bincount(country, weights=areas[point], minlength=len(countries))
    return countries.iloc[int(np.argmax(votes))]


def _file_key(path, *more) -> tuple | None:
    identity = reuse.file_identity(path)
    return None if identity is None else (identity, *more)


def read_kept_table(path: str | Path, sheet: str | None = None) -> Table:
    """`read_table`, read again only when the file changed if the process keeps inputs (`reuse`): the app's
    Data step and its previews then read a workbook once."""
    return reuse.remembered("table", _file_key(path, sheet), lambda: read_table(path, sheet), reuse.table_copy)


def table_roles(table: Table) -> Roles:
    """`detect_roles(table, warnings=False)`, worked out once per table file when the process keeps inputs
    (`reuse`): the app's Data step (with the built-in set's names and the warnings) and the maps that follow
    (`_higher_columns`, `_lat_lon`) refine the same roles (`refine_roles`) instead of guessing every column
    again (the sample's 24,088 rows: 0.03-0.04 s)."""
    key = _file_key(table.path, table.sheet, table.header_row, "roles")
    roles = reuse.remembered("derived", key, lambda: detect_roles(table, warnings=False),
                             lambda kept: Roles(dict(kept.columns), list(kept.warnings), kept.form))
    if list(roles.columns) != list(table.data.columns):  # a table changed since it was read: guessed afresh
        return detect_roles(table, warnings=False)
    return roles


def _read_table(project: Project) -> Table:
    return read_kept_table(project.table, project.sheet)


def run_match(project: Project, *, points: bool = False) -> tuple[Table, gpd.GeoDataFrame, MatchResult]:
    """`_run_match`, or the match made before from the same files and matching choices when the
    process keeps them (`reuse`: the app's engine process; restyling never matches again).

    The one route of a match: the app's maps and `carto-desktop match` both come here. With
    `points`, rows are placed by their GPS point (`_lat_lon`: the named or marked columns, else
    the detected ones) instead of by name or code.
    """
    key = _match_key(project, points)
    return reuse.remembered("match", key, lambda: _run_match(project, points),
                            lambda kept: (reuse.table_copy(kept[0]), reuse.layer_copy(kept[1]), _match_copy(kept[2])))


def _match_key(project: Project, points: bool = False) -> tuple | None:
    key = reuse.match_key(project, {f.name: getattr(project, f.name) for f in dataclasses.fields(project)})
    return None if key is None else (*key, points)


def _match_copy(match: MatchResult) -> MatchResult:
    return replace(match, rows=match.rows.copy(), counts=dict(match.counts))


def _run_match(project: Project, points: bool = False) -> tuple[Table, gpd.GeoDataFrame, MatchResult]:
    """Read both inputs and match the table to the layer: the first half of the flow.

    The user's own answers ({key value: area id}) and the alias list (`Project.aliases`) go to
    the matcher as decisions, which it applies before any other tier (the project's answers
    win); answers naming an area the layer no longer has are ignored. Columns the user ignores
    or keeps out as personal are not given to the matcher (`usable_data`); the key column, when
    not chosen, is looked for first among the columns the user marked as places (`Project.roles`).
    """
    table = _read_table(project)
    layer = read_boundaries(project, table)
    if points:
        return table, layer, _match_points(table, project, layer)
    decisions = None
    if project.decisions or project.aliases or project.id_column or project.name_column:
        keys = boundary_keys(layer, id_column=project.id_column, name_column=project.name_column)  # checked first
        decisions = _decisions(project, layer[keys.id_column].astype(str))  # answers naming one of its areas
    data = usable_data(table.data, project)
    key, parent = _key_column(project, data, layer)
    match = match_table(data, layer, key, file=str(project.table), parent_column=project.parent_column or parent,
                        id_column=project.id_column, name_column=project.name_column,
                        decisions=decisions, gazetteer=project.gazetteer or None)
    return table, layer, match


def _decisions(project: Project, area_ids) -> Decisions | None:
    """The alias list for this boundary set, then the project's own answers over it."""
    ids = set(area_ids)
    decisions = Decisions.from_mapping({value: area for value, area in project.decisions.items() if area in ids})
    if project.aliases:
        decisions = load_aliases(project.aliases, boundary_set_id(ids)).merged(decisions)
    return decisions if len(decisions) else None


def read_boundaries(project: Project, table: Table) -> gpd.GeoDataFrame:
    """The project's areas: the user's file, or a built-in set named or recognised from the table.

    For a built-in set, `attrs["boundary_set"]` is the set (title and credits follow it) and
    `attrs["recognition"]` says how it was chosen, for the person to be told.
    """
    if project.boundaries is not None and not is_builtin(project.boundaries):
        return reuse.remembered("layer", _file_key(project.boundaries, project.layer),
                                lambda: read_layer(project.boundaries, project.layer), reuse.layer_copy)
    from carto_desktop.builtin_boundaries.recognise import choose_builtin

    chosen, recognition = choose_builtin(project.boundaries, usable_data(table.data, project), file=project.table)
    layer = reuse.remembered("layer", ("builtin", chosen.spec), lambda: read_builtin(chosen.spec), reuse.layer_copy)
    layer.attrs["recognition"] = recognition
    return layer


def resolve_boundaries(project: Project) -> tuple[Project, Recognition | None]:
    """`project` with its built-in boundaries named in full (`builtin:NER/2`), recognised from its table
    when not named; the recognition says why (None when the project names the user's file)."""
    if project.boundaries is not None and not is_builtin(project.boundaries):
        return project, None
    from carto_desktop.builtin_boundaries.recognise import choose_builtin

    table = _read_table(project)
    chosen, recognition = choose_builtin(project.boundaries, usable_data(table.data, project), file=project.table)
    return replace(project, boundaries=chosen.spec), recognition


AUTO = "auto"  # Project.agg: the total of a column of numbers, else its different values (`_aggregation`)


def role_overrides(roles: dict[str, str], columns) -> dict[str, str]:
    """The user's column roles (`Project.roles`) as `detect_roles` overrides: columns the table has, "ignore" left out."""
    present = {str(c) for c in columns}
    return {c: r for c, r in roles.items() if r != IGNORE and c in present}


def left_out_columns(project: Project) -> set[str]:
    """Columns the map is made without: ignored or personal (`excluded_columns`), unless chosen for it by name.

    A column the user names as key, parent, value, category or coordinates is used (the
    "before you share" check says so when it is personal).
    """
    named = {project.key_column, project.parent_column, project.value_column, project.category_column,
             project.lat_column, project.lon_column}
    ignored = {c for c, r in project.roles.items() if r == IGNORE}
    return (ignored | set(project.excluded_columns)) - named


def usable_data(data, project: Project, keep: tuple[str, ...] = ()):
    """`data` without the columns `left_out_columns` names (those in `keep` stay)."""
    drop = [c for c in data.columns if c in left_out_columns(project) and c not in keep]
    return data.drop(columns=drop) if drop else data


def _marked(project: Project, data, roles: tuple[str, ...]) -> list[str]:
    """The table's columns the user gave one of `roles` (a level after ":" allowed), in table order."""
    chosen = {c for c, r in project.roles.items() if r.partition(":")[0] in roles}
    return [c for c in data.columns if c in chosen]


def _key_column(project: Project, data, layer: gpd.GeoDataFrame) -> tuple[str | None, str | None]:
    """(key, parent): the user's key column; else the column marked as places that matches the layer
    (with the marked column naming its parents); else None (the matcher's guess, parent included)."""
    if project.key_column:
        return project.key_column, None
    marked = _marked(project, data, PLACE_ROLES)
    if not marked:
        return None, None
    from carto_desktop.match.areas import AreaIndex
    from carto_desktop.match.matcher import choose_key_columns

    choice = choose_key_columns(data[marked], AreaIndex(layer, boundary_keys(layer)), file=str(project.table))
    return (choice.key, choice.parent) if choice else (None, None)


@dataclass
class PreparedMap:
    """Everything before drawing: what `build_map` renders once and an atlas renders per region."""

    template: Template
    table: Table
    layer: gpd.GeoDataFrame
    match: MatchResult | None
    values: AreaValues | None
    data: MapData
    notices: list[str]
    account: RowsAccount | None = None  # the rows on the map and why the others are not (None: points)


def build_map(project: Project, prepared: PreparedMap | None = None) -> MapResult:
    """Replay the flow: read, match (or place points), aggregate, render (from `prepared` when the caller has it,
    e.g. an export that also writes an interactive map)."""
    prepared = prepared or prepare_map(project)
    fig, drawn = _render(project, prepared.template, prepared.data, prepared.layer, prepared.match)
    return drawn_map(project, prepared, fig, drawn)


def drawn_map(project: Project, prepared: PreparedMap, fig: Figure, drawn: DrawnPage) -> MapResult:
    """The `MapResult` of a prepared map drawn as `fig` (by `build_map`, or a page coloured again in the app)."""
    notices = list(prepared.notices)
    if drawn.basemap_partial:
        notices.append(Told(lambda lang: translate(
            "The basemap pack covers only part of the map frame; outside its grey edge the map has no basemap. "
            "Download one for this map with \"carto-desktop basemap download --for {boundaries}\".", lang,
            boundaries=project.boundaries), project.lang))
    if missing := missing_letters(fig):  # matplotlib would only warn in Python
        notices.append(Told(lambda lang: translate(
            "Some letters in the map's texts are not in its fonts and show as empty boxes: {letters}. Write those "
            "words in letters the fonts have, or choose a template font that has them.", lang,
            letters=" ".join(missing[:12])), project.lang))
    return MapResult(figure=fig, table=prepared.table, match=prepared.match, values=prepared.values,
                     data=prepared.data, notices=notices,
                     recognition=prepared.layer.attrs.get("recognition"), account=prepared.account,
                     template=prepared.template, drawn=drawn)


def map_frame_bbox(project: Project, margin: float = 0.05) -> tuple[float, float, float, float]:
    """West, south, east, north (degrees) of what the map frame will show, plus `margin` of its size
    on each side: the area a basemap pack must cover so no raster edge or blank band shows in the
    frame (the data's own bounding box leaves the frame's sides bare)."""
    from carto_desktop.carto.page import map_view

    template = load_template(project.template).with_overrides(page=project.page)
    if project.boundaries is None:  # recognised from the table, as `render` does
        project, _ = resolve_boundaries(project)
    layer = read_builtin(project.boundaries) if is_builtin(project.boundaries) else \
        read_layer(project.boundaries, project.layer)
    projection = choose_projection(layer, project.projection)
    view = map_view(layer.to_crs(projection.crs), template)
    x0, y0, x1, y1 = view.bounds
    dx, dy = (x1 - x0) * margin, (y1 - y0) * margin
    padded = shapely.box(x0 - dx, y0 - dy, x1 + dx, y1 + dy).segmentize((x1 - x0) / 20)
    w, s, e, n = gpd.GeoSeries([padded], crs=projection.crs).to_crs(4326).total_bounds
    return (max(float(w), -180.0), max(float(s), -85.0), min(float(e), 180.0), min(float(n), 85.0))


def prepare_map(project: Project) -> PreparedMap:
    """Read, match (or place points) and aggregate: the map's data, not yet drawn.

    A table of GPS points and a table naming areas take different roads (`_map_of_points`,
    `_map_of_areas`); both end with what the person must be told (`notices`).
    """
    template = _chosen_template(project)
    prepared = _map_of_points(project, template) if template.kind == "points" else _map_of_areas(project, template)
    # only when every row is on the map: a row not found (or still to review) may lie in another region, and the
    # page would then say wrongly that the table has no data there
    complete = prepared.account is None or prepared.account.complete
    region = None if project.whole_country or not complete else \
        region_of_data(prepared.data, prepared.layer, prepared.template.kind)
    if region is not None:  # every area with data in one region: the map shows it alone, and says so
        data, layer = on_region(prepared.data, prepared.layer, region, project.lang)
        prepared = replace(prepared, data=data, layer=layer, notices=[*prepared.notices, region_notice(region, project.lang)])
    prepared.notices.extend(_source_notices(project))
    return prepared


def _chosen_template(project: Project) -> Template:
    """The template with the person's choices over it (classes, palette, logo, page): what they see in the Style step."""
    return load_template(project.template).with_overrides(
        scheme=project.scheme, classes=project.classes, palette=project.palette, logo=project.logo,
        page=project.page,
    )


def _map_of_points(project: Project, template: Template) -> PreparedMap:
    """A table of GPS points. Points of people are counted (per hexagon, or per area by default), never
    drawn one by one unless the person asks (`raw_points`): a dot per household can identify it. Points
    of places (sites, facilities) are drawn."""
    from carto_desktop.privacy.sensitive import is_people_points

    table = _read_table(project)
    layer = read_boundaries(project, table)
    people = is_people_points(table.data)
    if people and not project.raw_points:
        if _people_points(project) == "hexagons":
            return _people_per_hexagon(project, table, layer, people)
        return _people_per_area(project, table, layer, people)
    return _sites(project, template, table, layer, people)


def _people_per_hexagon(project: Project, table: Table, layer: gpd.GeoDataFrame, people) -> PreparedMap:
    """Points of people counted per hexagon of a regular grid in the map's projection (`hexagons.py`), drawn
    as a choropleth; the rows left out and the reason for counting are said."""
    lang = project.lang
    data, outside = _hexagon_data(table, project, layer, households=_are_households(table))
    notices = []
    if outside:
        notices.append(Told(lambda lang: translate("{n} rows were not counted: their GPS point is missing, "
                                                   "unreadable or outside the areas.", lang, n=outside), lang))
    notices.append(Told(lambda lang: translate("Points of people were counted per hexagon of {size} km instead of "
                                               "drawn: {reason}", lang, size=size_text(data.cell_size_km, lang),
                                               reason=people.text(lang)), lang))
    return PreparedMap(_counting_template(project), table, layer, None, None, data, notices)


def _people_per_area(project: Project, table: Table, layer: gpd.GeoDataFrame, people) -> PreparedMap:
    """Points of people counted per admin area (the default), drawn as a choropleth; the reason is said."""
    lang = project.lang
    match = _match_points(table, project, layer)
    values = aggregate(match, layer, "count", file=str(project.table))
    placed = table.data.index[match.rows["match_status"].to_numpy() == "matched"]
    account = account_sites(table.data, *_lat_lon(table, project), placed, table.row_numbers)
    data = MapData(areas=values.areas, keys=match.keys,  # "Number of people or households", not "points"
                   indicator=project.legend_heading or what_is_counted(table.data, "count").indicator(lang),
                   min_count=project.min_count, footnote=account.footnote(lang))
    notices = [Told(lambda lang: translate("Points of people were counted per area instead of drawn: {reason}",
                                           lang, reason=people.text(lang)), lang)]
    return PreparedMap(_counting_template(project), table, layer, match, values, data, notices, account)


def _sites(project: Project, template: Template, table: Table, layer: gpd.GeoDataFrame, people) -> PreparedMap:
    """Points drawn one by one: places, or people when the person chose to (then a warning says who may see it).
    A table none of whose points falls in the areas is refused: the map would be empty."""
    lang = project.lang
    points = _points(table, project, layer)
    if not len(points) or not layer.sindex.query(points.geometry.to_crs(layer.crs).to_numpy(),
                                                 predicate="intersects").size:
        _no_point_inside(project, drawn=True)
    account = account_sites(table.data, *_lat_lon(table, project), points.index, table.row_numbers)
    data = MapData(areas=layer.assign(value=np.nan), keys=boundary_keys(layer),
                   indicator=project.legend_heading or translate("Sites", lang), points=points,
                   footnote=account.footnote(lang))
    notices = [Told(lambda lang: translate("Warning: each point is a person or household and is drawn where they "
                                           "live; share this map only with people allowed to see it.", lang),
                    lang)] if people else []
    if shared_locations(points):  # fewer dots than sites: said on the map's legend and here
        notices.append(Told(lambda lang: shared_locations_text(points, lang), lang))
    return PreparedMap(template, table, layer, None, None, data, notices, account)


def _map_of_areas(project: Project, template: Template) -> PreparedMap:
    """A table naming areas: matched, its rows combined per area the person's way (a long-format table: its
    total rows only), every row accounted for, and rows naming only a larger area drawn on it."""
    lang = project.lang
    table, layer, match = run_match(project)
    _refuse_nothing_matched(project, match)
    # what matching read differently from the table's writing; the app's Match step says it in its own place
    notices: list[str] = [Told(note.text, lang, topic="match") for note in match.notes]
    agg = _aggregation(project, match, notices)
    totals = find_total_rows(match.rows, table.hxl_tags)  # a long-format table: its total rows only
    used, counted_rows = None, match
    if totals is not None:
        area = match.rows["match_id"].where(match.rows["match_status"] == "matched")
        check_totals(totals, area, file=str(project.table))
        used, counted_rows = totals.keep, replace(match, rows=match.rows[totals.keep])
        notices.append(Told(lambda lang: totals.notice(area.notna().to_numpy(), lang), lang))
    values = aggregate(counted_rows, layer, agg, project.value_column, file=str(project.table))
    # what depends on the table and layer alone is kept with their match (the app's previews: 0.1-0.2 s each)
    key = _match_key(project)
    higher = reuse.remembered("derived", None if key is None else (*key, "higher columns"),
                              lambda: _higher_columns(table, match, layer), list)
    words = totals.words(lang) if totals else None
    account = reuse.remembered("derived", None if key is None else (*key, "account", words, agg),
                               lambda: account_rows(match, higher, used, words, project.value_column, agg))
    # rows naming only a region, drawn on it; not for a long-format table, whose region rows repeat its cercles'
    category = project.category_column if template.kind == "sectors" else None
    larger, larger_label, larger_level = reuse.remembered(
        "derived", None if key is None else (*key, "larger areas", lang, category),
        lambda: _larger_areas(match, higher, layer, lang, category),
        lambda kept: (None if kept[0] is None else kept[0].copy(), *kept[1:])) if totals is None and \
        template.kind in ("choropleth", "presence", "symbols", "sectors") else (None, "", "")
    categories = _sectors(project, template, counted_rows, agg)
    counted = what_is_counted(table.data, agg, project.value_column, table.hxl_tags)
    if agg == "count" and not project.value_column and not counted.rows_are_people:
        notices.extend(_numbers_not_mapped(project, table))
    data = MapData(areas=values.areas, keys=match.keys, indicator=project.legend_heading or counted.indicator(lang, template.kind),
                   categories=categories, min_count=project.min_count, counts_people=counted.value_counts_people,
                   records_are_people=counted.rows_are_people, counted=counted, footnote=account.footnote(lang),
                   subtitle_note=translate("total rows only", lang) if totals else "", larger_areas=larger,
                   larger_label=larger_label, larger_level=larger_level)
    return PreparedMap(template, table, layer, match, values, data, notices, account)


def _numbers_not_mapped(project: Project, table: Table) -> list[Told]:
    """A count of the rows of a table of statistics (IOM DTM: a row per commune, with "Total No# of IDPs Ind#"):
    counting rows is the default, and rarely what such a table is for, so the person is told which numbers the
    map could show instead, best first (`value_columns`: the ones "Sum of a column" would take). Never for rows
    of people (a survey's ages are no total to map)."""
    numbers = value_columns(table_roles(table).of("number"), project.roles, project.excluded_columns,
                            [str(c) for c in table.data.columns])
    if not numbers:
        return []
    shown = ", ".join(f"\"{c}\"" for c in numbers[:3]) + (", …" if len(numbers) > 3 else "")
    return [Told(lambda lang: translate(
        "The map counts the table's rows per area. It could show the total of a column of numbers instead: {columns} "
        "(in the Style step, \"Count or add up\"; on the command line, --value).", lang, columns=shown), project.lang)]


def _refuse_nothing_matched(project: Project, match: MatchResult) -> None:
    """A map with no row on it would say "no data" everywhere: refused, pointing at `match` to see why."""
    if match.counts["matched"] == 0:
        raise DataError(
            "No row of the table could be matched to an area, so there is nothing to map.",
            hint="Run \"carto-desktop match\" to see why, and check the key column.",
            file=project.table, column=match.key_column,
        )


def _sectors(project: Project, template: Template, counted_rows: MatchResult, agg: str):
    """For the sectors template, the values per area and category (a small map per sector); else None."""
    if template.kind != "sectors":
        return None
    if not project.category_column:
        raise OptionError("This template needs a category column (for example the sector or cluster).",
                          hint="Name the column with --category.")
    return aggregate_by_category(counted_rows, project.category_column, project.value_column, agg,
                                 file=str(project.table))


def _source_notices(project: Project) -> list[str]:
    """No source named by the person nor by a credits.json beside the table: the map says "source not given",
    and the person is told how to name it."""
    if project.data_credit or stated_credit(project.table, project.lang) is not None:
        return []
    return [Told(lambda lang: translate("No source is named for the data, so the map says \"source not given\": "
                                        "name it with --source (or in a credits.json beside the table).", lang),
                 project.lang, topic="source")]  # the app's Style step says it in its own words


def _aggregation(project: Project, match: MatchResult, notices: list[str]) -> str:
    """The user's way of combining rows; "auto" (`--value` without `--agg`): the total of a column of numbers,
    else the number of different values, said in a notice. Never a column the user did not name."""
    if project.agg != AUTO:
        return project.agg
    if not project.value_column:
        return "count"
    from carto_desktop.intake.numbers import parse_numbers

    require_column(match.rows, project.value_column, project.table)
    cells = match.rows[project.value_column]
    filled = cells[cells.notna() & (cells.astype(str).str.strip() != "")]
    numeric = len(filled) > 0 and parse_numbers(filled).notna().mean() >= 0.8
    agg = "sum" if numeric else "distinct"
    column = project.value_column
    notices.append(Told(lambda lang: translate("\"{column}\" holds numbers: the map shows their total per area (--agg "
                                               "to choose another way).", lang, column=column), project.lang)
                   if numeric else
                   Told(lambda lang: translate("\"{column}\" holds text: the map shows the number of different "
                                               "values per area (--agg to choose another way).", lang, column=column),
                        project.lang))
    return agg


def _higher_columns(table: Table, match: MatchResult, layer: gpd.GeoDataFrame) -> list[str]:
    """The table's place columns of a larger level than the key (a region beside a cercle); a column
    named like a level whose values are not the layer's parent areas ("Etat du Projet") is none."""
    found = table_roles(table)  # the Data step's detection, when the app inspected this table
    key = found.columns.get(match.key_column)
    level = key.level if key is not None else None
    parents = [c for c in match.keys.parent_name_columns if c in layer.columns]
    names = {level - 1: set(layer[parents].stack().dropna().astype(str))} if parents and level else None
    roles = refine_roles(table, found, area_names=names, warnings=False).columns  # = detect_roles(table, area_names=names)
    return [c for c, r in roles.items() if c != match.key_column and r.role in PLACE_ROLES and r.level is not None
            and (level is None or r.level < level)]


def _larger_areas(match: MatchResult, higher: list[str], layer: gpd.GeoDataFrame, lang: str,
                  category: str | None = None) -> tuple[gpd.GeoDataFrame | None, str, str]:
    """The layer's parent areas that rows name without a smaller area (`rows_account.larger_area_of_rows`),
    dissolved, with their rows (per `category` for a sectors map: one region per sector reported there);
    the legend's line ("Reported for the whole region only: 17 rows") and what such an area is called."""
    columns = match.keys.parent_columns(layer.columns) if higher else None
    if columns is None:
        return None, "", ""
    code = columns[0]
    names = [c for c in match.keys.parent_name_columns if c in layer.columns]
    placed = larger_area_of_rows(match, higher, layer[[code, *names]].drop_duplicates(code))
    if placed.empty:
        return None, "", ""
    shapes = layer.loc[layer[code].astype(str).isin(set(placed)), [code, "geometry"]].dissolve(by=code)
    if category:
        rows = pd.DataFrame({code: placed, "category": match.rows.loc[placed.index, category].astype(str)})
        counts = rows.groupby([code, "category"]).size().rename("rows").reset_index()
        shapes = gpd.GeoDataFrame(counts.merge(shapes.reset_index().astype({code: str}), on=code),
                                  geometry="geometry", crs=layer.crs).set_index(code)
    else:
        shapes["rows"] = placed.value_counts().reindex(shapes.index.astype(str)).to_numpy()
    builtin = set_of(layer)
    if builtin is not None and builtin.level > 1:
        word = builtin.country.level_word(builtin.level - 1, lang)
    else:
        country = country_of(layer, country_outlines())
        word = level_word(country["ISO_A2"] if country is not None else None, admin_level_of(code), lang)
    return shapes.reset_index(), larger_area_label(len(placed), word, lang), word


def render_prepared(project: Project, prepared: PreparedMap, data: MapData | None = None,
                    layer: gpd.GeoDataFrame | None = None, title_suffix: str = "") -> tuple[Figure, DrawnPage]:
    """Draw a prepared map, or a part of it (`data`/`layer` subsets, for an atlas page)."""
    return _render(project, prepared.template, data if data is not None else prepared.data,
                   layer if layer is not None else prepared.layer, prepared.match, title_suffix)


def _render(project: Project, template: Template, data: MapData, layer: gpd.GeoDataFrame,
            match: MatchResult | None, title_suffix: str = "") -> tuple[Figure, DrawnPage]:
    page = page_inputs(project, template, data, layer, match, title_suffix)
    return render_page(data, template, page.texts, lang=project.lang, countries=page.countries,
                       country_code=page.country_code, projection=page.projection, tile_pack=page.tile_pack)


@dataclass
class PageInputs:
    """What a page shows besides the data: texts, the country and its neighbours, projection, tile pack.

    The static page and the interactive map (`interactive.py`) both take them from here, so
    titles, sources and disclaimer are the same in both.
    """

    texts: PageTexts
    countries: gpd.GeoDataFrame
    country_code: str | None
    projection: MapProjection
    tile_pack: TilePack | None


def page_inputs(project: Project, template: Template, data: MapData, layer: gpd.GeoDataFrame,
                match: MatchResult | None, title_suffix: str = "") -> PageInputs:
    """The texts (title and subtitle filled in, credits collected), country, projection and tile pack of a map."""
    lang = project.lang
    countries = country_outlines()
    country = country_of(layer, countries)
    level = admin_level_of(data.keys.id_column)
    iso2 = country["ISO_A2"] if country is not None else None
    builtin = set_of(layer)
    source = project.data_credit or stated_credit(project.table, lang)  # never the file's name
    credits = [source or translate("data: source not given", lang),
               project.boundary_credit or (builtin.credit(lang) if builtin else stated_credit(project.boundaries, lang))
               or translate("boundaries: source not given", lang)]
    tile_pack = open_tile_pack(project.basemap) if project.basemap else None
    extra = [translate("country outlines, towns, lakes and rivers: Natural Earth", lang)]
    if match is not None:  # a gazetteer that placed rows
        extra += [translate("places: {credit}", lang, credit=credit) for credit in match.credits]
    if tile_pack is not None:
        extra.append(translate("basemap: {attribution}", lang, attribution=tile_pack.attribution))
    credits = collect_credits([], lang, credits + extra)
    fields = {
        "indicator": data.indicator,
        "admin_level": builtin.country.level_word(builtin.level, lang) if builtin else level_word(iso2, level, lang),
        "country": builtin.country.name(lang) if builtin else
        (country["NAME_FR"] if lang == "fr" else country["NAME"]) if country is not None else "",
        "source": source or translate("source not given", lang),
        "n_areas": format_number(len(layer), lang),  # "10,000 areas", "10 000 zones"
        "date": project.created.isoformat(),
    }
    title = template.text("title", lang)
    subtitle = template.text("subtitle", lang)
    if data.outlines is not None:  # a grid of hexagons: the indicator says what a cell is, not an admin level
        title = "{indicator}, {country}"
        subtitle = translate("Data: {source} · {n} hexagons of {size} km", lang, source="{source}", n=format_number(len(data.areas), lang),
                             size=size_text(data.cell_size_km or 0, lang))
    if not title_suffix and data.region and not project.title:  # a map of the one region with data (`framing`)
        title_suffix = f" — {data.region}"
    texts = PageTexts(
        title=(project.title or _fill(title, fields)) + title_suffix,
        subtitle=project.subtitle or " · ".join(t for t in (_fill(subtitle, fields), data.subtitle_note) if t),
        footnote=data.footnote,
        sources=credits,
        disclaimer=template.text("disclaimer", lang),
        producer=template.text("producer", lang),
        created=project.created,
    )
    return PageInputs(texts, countries, country["ADM0_A3"] if country is not None else None,
                      choose_projection(layer, project.projection), tile_pack)


def _lat_lon(table: Table, project: Project) -> tuple[str, str]:
    """The latitude and longitude columns: the user's (named, or marked in the Data step), else those
    `detect_roles` finds ("lat", "location.latitude", "_a4_gps_latitude"…): what the Data step shows as such."""
    ignored = {c for c, r in project.roles.items() if r == IGNORE}
    marked_lat, marked_lon = _marked(project, table.data, ("latitude",)), _marked(project, table.data, ("longitude",))
    lat = project.lat_column or next(iter(marked_lat), None)
    lon = project.lon_column or next(iter(marked_lon), None)
    if lat is None or lon is None:
        roles = refine_roles(table, table_roles(table), role_overrides(project.roles, table.data.columns),
                             warnings=False)  # = detect_roles(table, overrides, warnings=False)
        found_lat = [c for c in roles.of("latitude") if c not in ignored]
        found_lon = [c for c in roles.of("longitude") if c not in ignored]
        lat, lon = lat or next(iter(found_lat), None), lon or next(iter(found_lon), None)
    if lat is None or lon is None:
        raise OptionError("The table has no latitude and longitude columns for a map of sites.",
                          hint="Name them with --lat and --lon, or choose an area template.", file=project.table)
    for column in (lat, lon):
        require_column(table.data, column, project.table)
    return lat, lon


PEOPLE_POINTS = ("areas", "hexagons")


def _counting_template(project: Project) -> Template:
    """Points of people counted (per area or hexagon) are drawn as a choropleth, with the user's page and colours."""
    return load_template("choropleth").with_overrides(scheme=project.scheme, classes=project.classes,
                                                      palette=project.palette, logo=project.logo, page=project.page)


def _people_points(project: Project) -> str:
    if project.people_points not in PEOPLE_POINTS:
        raise OptionError("Points of people are counted per \"areas\" or per \"hexagons\", not \"{choice}\".",
                          hint="Choose one of the two.", choice=project.people_points)
    return project.people_points


def _hexagon_data(table: Table, project: Project, layer: gpd.GeoDataFrame,
                  households: bool = False) -> tuple[MapData, int]:
    """Points of people counted per hexagon, in the projection the map is drawn in (so cells stay regular),
    and how many rows were not counted (no usable point, or outside the areas).

    A grid where every cell holds fewer than `min_count` points would be one grey "fewer than N" map
    that says nothing: it is refused, with the next size that shows something.
    """
    crs = choose_projection(layer, project.projection).crs
    points = _points(table, project, layer)
    counts = count_in_hexagons(points, layer, crs, project.hexagon_km, project.min_count)
    if counts.counted == 0:
        _no_point_inside(project)
    if project.min_count > 1 and (counts.cells["value"] < project.min_count).all():
        larger = next((km for km in NICE_KM if km > counts.size_km and
                       (count_in_hexagons(points, layer, crs, km, project.min_count).cells["value"]
                        >= project.min_count).any()), None)
        size = size_text(counts.size_km, project.lang)
        if larger is None:
            raise OptionError("Every hexagon of {size} km holds fewer than {n} points of people, so the whole map "
                              "would be grey and show nothing.",
                              hint="Count them per area instead (--people-points areas): even the largest hexagons "
                                   "hold too few.", file=project.table, size=size, n=project.min_count)
        raise OptionError("Every hexagon of {size} km holds fewer than {n} points of people, so the whole map "
                          "would be grey and show nothing.", hint="Choose larger hexagons: {larger} km "
                          "(--hexagon-km {larger}).", file=project.table, size=size, n=project.min_count,
                          larger=f"{larger:g}")
    size = size_text(counts.size_km, project.lang)
    what = "Number of households per hexagon of {size} km" if households else \
        "Number of people per hexagon of {size} km"
    indicator = project.legend_heading or translate(what, project.lang, size=size)
    data = MapData(areas=counts.cells, keys=HEXAGON_KEYS, indicator=indicator, min_count=project.min_count,
                   outlines=layer, outline_keys=boundary_keys(layer), cell_size_km=counts.size_km)
    return data, len(table.data) - counts.counted


def _are_households(table: Table) -> bool:
    """The points are households (a column speaks of ménages, households, foyers), else people."""
    from carto_desktop.names import normalise_name

    words = {"menage", "menages", "household", "households", "hh", "foyer", "foyers", "famille", "familles",
             "family", "families"}
    return any(set(normalise_name(str(c)).replace("_", " ").replace("/", " ").split()) & words
               for c in table.data.columns)


def _no_point_inside(project: Project, drawn: bool = False) -> None:
    """A map of points that all fall outside the areas (a Kenyan survey on Mali's boundaries) would be empty."""
    hint = "Check the latitude and longitude columns, and that the boundary file covers the places surveyed."
    if drawn:
        raise DataError("No GPS point of the table lies inside the areas of the boundary file, so there is "
                        "nothing to draw.", hint=hint, file=project.table)
    raise DataError("No GPS point of the table lies inside the areas of the boundary file, so there is "
                    "nothing to count.", hint=hint, file=project.table)


def _match_points(table: Table, project: Project, layer: gpd.GeoDataFrame) -> MatchResult:
    from carto_desktop.match.points import match_points

    lat, lon = _lat_lon(table, project)
    match = match_points(usable_data(table.data, project, keep=(lat, lon)), layer, lat, lon, file=str(project.table),
                         id_column=project.id_column, name_column=project.name_column)
    if match.counts["matched"] == 0:
        _no_point_inside(project)
    return match


def _points(table: Table, project: Project, layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Point sites from the table's latitude/longitude columns; unusable rows left out."""
    from carto_desktop.intake.coordinates import check_coordinates

    lat, lon = _lat_lon(table, project)
    checked = check_coordinates(table.data[lat].tolist(), table.data[lon].tolist(), table.row_numbers,
                                bounds=layer.total_bounds)
    points = gpd.GeoDataFrame(
        usable_data(table.data, project, keep=(lat, lon)).assign(_lat=checked.lat, _lon=checked.lon),
        geometry=gpd.points_from_xy(checked.lon, checked.lat), crs=4326,
    )
    points = points[np.isfinite(points["_lat"]) & np.isfinite(points["_lon"])]
    if project.category_column:
        points["category"] = points[project.category_column]
    return points


def _fill(text: str, fields: dict[str, object]) -> str:
    """Fill {placeholders}; an unknown one is left as written rather than failing."""
    class Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return text.format_map(Keep(fields))
