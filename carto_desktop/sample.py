"""The embedded sample: where humanitarian partners work in Mali (OCHA 3W, December 2023).

A light module (no pandas, no matplotlib): the command line starts reading the sample's
workbook (`intake.read_ahead`) before it imports the map stack.
"""
from __future__ import annotations

from dataclasses import replace

from carto_desktop.choices import Project
from carto_desktop.paths import sample_data_dir

SAMPLE_TEXTS = {
    "en": {
        "title": "Where humanitarian partners work in Mali",
        "subtitle": "Number of organisations present per cercle · 3W, December 2023",
        "legend": "Organisations present (number)",
        "sectors_title": "Who does what where in Mali: clusters present by cercle",
        "sectors_subtitle": "One map per cluster · organisations present · 3W, December 2023",
        "points_title": "Administrative centres of Mali",
        "points_subtitle": "Capital, region and cercle seats",
        "points_legend": "Administrative centres",
        "presence_legend": "Humanitarian partners (3W)",
        "presence_subtitle": "Cercles where at least one humanitarian organisation works · 3W, December 2023",
    },
    "fr": {
        "title": "Où travaillent les partenaires humanitaires au Mali",
        "subtitle": "Nombre d'organisations présentes par cercle · 3W, décembre 2023",
        "legend": "Organisations présentes (nombre)",
        "sectors_title": "Qui fait quoi où au Mali : clusters présents par cercle",
        "sectors_subtitle": "Une carte par cluster · organisations présentes · 3W, décembre 2023",
        "points_title": "Chefs-lieux administratifs du Mali",
        "points_subtitle": "Capitale, chefs-lieux de région et de cercle",
        "points_legend": "Chefs-lieux",
        "presence_legend": "Partenaires humanitaires (3W)",
        "presence_subtitle": "Cercles où au moins une organisation humanitaire intervient · 3W, décembre 2023",
    },
}


def sample_project(lang: str = "en", template: str = "choropleth") -> Project:
    """The embedded default: where humanitarian partners work in Mali (OCHA 3W, Dec 2023).

    Each bundled template has a sample variant so every template can be tried at once.
    """
    d = sample_data_dir()
    t = SAMPLE_TEXTS["fr" if lang == "fr" else "en"]
    base = Project(
        table=d / "mali_3w_2023-12.xlsx", boundaries=d / "mali_adm2.geojson", sheet="ML_5W",
        key_column="admin2Pcod", value_column="Organisation Accronyme", agg="distinct", lang=lang,
        template=template, title=t["title"], subtitle=t["subtitle"], legend_heading=t["legend"],
    )
    if template == "sectors":
        return replace(base, category_column="Cluster", title=t["sectors_title"], subtitle=t["sectors_subtitle"])
    if template == "points":
        return replace(base, table=d / "mali_admin_seats_geonames.csv", sheet=None, key_column=None,
                       boundaries=d / "mali_adm1.geojson", value_column=None, agg="count",
                       category_column="type_fr" if lang == "fr" else "type",
                       title=t["points_title"], subtitle=t["points_subtitle"], legend_heading=t["points_legend"])
    if template == "presence":
        return replace(base, legend_heading=t["presence_legend"], subtitle=t["presence_subtitle"])
    if template == "social_card":
        return replace(base, subtitle=t["subtitle"].split(" · ")[-1])
    return base
