"""Fill empty French translations in ui/carto_desktop_fr.ts from the table below.

Workflow: `pyside6-lupdate carto_desktop/gui/*.py -ts ui/carto_desktop_fr.ts`, add the new
strings here (or in Qt Linguist), run this, then `pyside6-lrelease ui/carto_desktop_fr.ts`.
A test fails while any string is left unfinished.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FR = {
    "Something went wrong inside Carto Desktop. Your work is not lost; please report this with the details below.":
        "Un problème interne est survenu dans Carto Desktop. Votre travail n'est pas perdu ; "
        "signalez-le avec les détails ci-dessous.",
    "Carto Desktop": "Carto Desktop",
    "1. Data": "1. Données",
    "2. Match": "2. Appariement",
    "3. Style": "3. Style",
    "4. Export": "4. Export",
    "Open the sample project or choose your files to see a map here.":
        "Ouvrez le projet d'exemple ou choisissez vos fichiers pour voir une carte ici.",
    "Ready": "Prêt",
    "Open sample project": "Ouvrir le projet d'exemple",
    "Mali: where humanitarian partners work (OCHA 3W, December 2023)":
        "Mali : où travaillent les partenaires humanitaires (3W OCHA, décembre 2023)",
    "No table chosen": "Aucun tableau choisi",
    "Choose table…": "Choisir le tableau…",
    "A spreadsheet (Excel, CSV) with one row per activity or place":
        "Un tableur (Excel, CSV) avec une ligne par activité ou par lieu",
    "No boundaries chosen": "Aucune limite choisie",
    "Choose boundaries…": "Choisir les limites…",
    "The outlines of the admin areas (regions, districts): GeoJSON, GeoPackage or shapefile":
        "Les contours des zones administratives (régions, cercles) : GeoJSON, GeoPackage ou shapefile",
    "Matched on column:": "Apparié sur la colonne :",
    "Matched rows:": "Lignes appariées :",
    "Rows to review:": "Lignes à vérifier :",
    "Unmatched rows:": "Lignes non appariées :",
    "English": "Anglais",
    "French": "Français",
    "Update map": "Mettre à jour la carte",
    "Title:": "Titre :",
    "Subtitle:": "Sous-titre :",
    "Map language:": "Langue de la carte :",
    "PNG image": "Image PNG",
    "PDF document (vector)": "Document PDF (vectoriel)",
    "SVG drawing (vector)": "Dessin SVG (vectoriel)",
    "Dots per inch: 150 for screens, 300 for print": "Points par pouce : 150 pour l'écran, 300 pour l'impression",
    "Export map…": "Exporter la carte…",
    "Format:": "Format :",
    "Resolution:": "Résolution :",
    "Making the map…": "Création de la carte…",
    "Map ready": "Carte prête",
    "Exporting…": "Export en cours…",
    "Saved: %1": "Enregistré : %1",
    "Map exported": "Carte exportée",
    "Something needs your attention": "Un point demande votre attention",
    "Choose table": "Choisir le tableau",
    "Tables (*.xlsx *.xls *.ods *.csv *.txt)": "Tableaux (*.xlsx *.xls *.ods *.csv *.txt)",
    "Choose boundaries": "Choisir les limites",
    "Boundaries (*.geojson *.json *.gpkg *.shp *.zip)": "Limites (*.geojson *.json *.gpkg *.shp *.zip)",
    "Export map": "Exporter la carte",
}


def main(ts_path: str = "ui/carto_desktop_fr.ts") -> int:
    path = Path(ts_path)
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in FR:
            translation.text = FR[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") in {"unfinished", "vanished", "obsolete"} or not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no French yet: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
