"""A `Project` holds the user's choices and replays the whole flow into a map.

The app edits one, the CLI builds one from its flags, and the sample project is one.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import geopandas as gpd
from matplotlib.figure import Figure

from carto_desktop.aggregate import AreaValues, aggregate
from carto_desktop.carto.admin_levels import admin_level_of, level_word
from carto_desktop.carto.page import PageTexts, render_page
from carto_desktop.carto.templates import load_template
from carto_desktop.errors import DataError
from carto_desktop.intake import Table, read_layer, read_table
from carto_desktop.match import MatchResult, match_table
from carto_desktop.paths import sample_data_dir

NATURAL_EARTH_CREDIT = "Natural Earth (country outlines)"


@dataclass
class Project:
    """Everything needed to make the map again: inputs, choices and texts."""

    table: Path
    boundaries: Path
    sheet: str | None = None
    key_column: str | None = None
    value_column: str | None = None
    agg: str = "count"
    template: str = "choropleth"
    scheme: str | None = None  # classification; None = the template's
    classes: int | None = None
    palette: str | None = None
    lang: str = "en"
    title: str | None = None
    subtitle: str | None = None
    legend_heading: str | None = None
    data_credit: str | None = None
    boundary_credit: str | None = None
    created: date = field(default_factory=date.today)


@dataclass
class MapResult:
    """The rendered page and the intermediate results the user may want to inspect."""

    figure: Figure
    table: Table
    match: MatchResult
    values: AreaValues


def country_outlines() -> gpd.GeoDataFrame:
    """Bundled Natural Earth outlines of Africa, for the light basemap and the inset."""
    return gpd.read_file(sample_data_dir() / "countries_africa_ne_50m.geojson", engine="pyogrio")


def country_of(layer: gpd.GeoDataFrame, countries: gpd.GeoDataFrame) -> gpd.GeoSeries | None:
    """The Natural Earth row of the country the layer lies in (by its centre point)."""
    centre = layer.to_crs(4326).union_all().representative_point()
    hit = countries[countries.contains(centre)]
    return None if hit.empty else hit.iloc[0]


def run_match(project: Project) -> tuple[Table, gpd.GeoDataFrame, MatchResult]:
    """Read both inputs and match the table to the layer: the first half of the flow."""
    table = read_table(project.table, project.sheet)
    layer = read_layer(project.boundaries)
    return table, layer, match_table(table.data, layer, project.key_column, file=str(project.table))


def build_map(project: Project) -> MapResult:
    """Replay the flow: read, match, aggregate, render."""
    table, layer, match = run_match(project)
    if match.counts["matched"] == 0:
        raise DataError(
            "No row of the table could be matched to an area, so there is nothing to map.",
            hint="Run \"carto-desktop match\" to see why, and check the key column.",
            file=project.table,
            column=match.key_column,
        )
    values = aggregate(match, layer, project.agg, project.value_column, file=str(project.table))
    template = load_template(project.template).with_overrides(
        scheme=project.scheme, classes=project.classes, palette=project.palette
    )
    countries = country_outlines()
    country = country_of(layer, countries)
    lang = project.lang
    name_col = "NAME_FR" if lang == "fr" else "NAME"
    level = admin_level_of(match.keys.id_column)
    iso2 = country["ISO_A2"] if country is not None else None
    indicator = project.legend_heading or values.indicator(lang)
    fields = {
        "indicator": indicator,
        "admin_level": level_word(iso2, level, lang),
        "country": country[name_col] if country is not None else "",
        "source": project.data_credit or Path(project.table).name,
        "n_areas": len(layer),
        "date": project.created.isoformat(),
    }
    texts = PageTexts(
        title=project.title or _fill(template.text("title", lang), fields),
        subtitle=project.subtitle or _fill(template.text("subtitle", lang), fields),
        legend_heading=indicator,
        sources=[
            project.data_credit or Path(project.table).name,
            project.boundary_credit or Path(project.boundaries).name,
            NATURAL_EARTH_CREDIT if lang == "en" else "Natural Earth (contours des pays)",
        ],
        disclaimer=template.text("disclaimer", lang),
        producer=template.text("producer", lang),
        created=project.created,
    )
    fig = render_page(values, match.keys, template, texts, lang=lang, countries=countries,
                      country_code=country["ADM0_A3"] if country is not None else None)
    return MapResult(figure=fig, table=table, match=match, values=values)


def _fill(text: str, fields: dict[str, object]) -> str:
    """Fill {placeholders}; an unknown one is left as written rather than failing."""
    class Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return text.format_map(Keep(fields))


def sample_project(lang: str = "en") -> Project:
    """The embedded default: where humanitarian partners work in Mali (OCHA 3W, Dec 2023)."""
    d = sample_data_dir()
    base = Project(
        table=d / "mali_3w_2023-12.xlsx",
        boundaries=d / "mali_adm2.geojson",
        sheet="ML_5W",
        key_column="admin2Pcod",
        value_column="Organisation Accronyme",
        agg="distinct",
        lang=lang,
    )
    if lang == "fr":
        return replace(
            base,
            title="Où travaillent les partenaires humanitaires au Mali",
            subtitle="Nombre d'organisations présentes par cercle · 3W, décembre 2023",
            legend_heading="Organisations présentes (nombre)",
            data_credit="3W Mali, décembre 2023 : OCHA Mali / partenaires humanitaires (HDX, CC BY-IGO)",
            boundary_credit="limites administratives : OCHA COD-AB (HDX), autorités nationales du Mali",
        )
    return replace(
        base,
        title="Where humanitarian partners work in Mali",
        subtitle="Number of organisations present per cercle · 3W, December 2023",
        legend_heading="Organisations present (number)",
        data_credit="3W Mali, December 2023: OCHA Mali / humanitarian partners (HDX, CC BY-IGO)",
        boundary_credit="administrative boundaries: OCHA COD-AB (HDX), national authorities of Mali",
    )
