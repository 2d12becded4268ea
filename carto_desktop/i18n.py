"""The engine's small message catalogue (English source text, French translation).

The GUI uses Qt's own `tr`; the engine cannot, so its user-facing sentences (errors,
legend words, footer lines) go through `translate` with an explicit language. No
global "current language": callers pass it, so two maps in two languages can be made
in one process.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "fr")

# Keys are the English sentences exactly as written in the code.
FRENCH: dict[str, str] = {
    # locations in error messages
    "file": "fichier",
    "sheet": "feuille",
    "row": "ligne",
    "column": "colonne",
    "Hint": "Conseil",
    # intake
    "The file does not exist.": "Le fichier n'existe pas.",
    "Check the path, or choose the file again.": "Vérifiez le chemin ou choisissez à nouveau le fichier.",
    "This kind of file cannot be read as a table ({suffix}).": "Ce type de fichier ne peut pas être lu comme un tableau ({suffix}).",
    "Save it as CSV or Excel (.xlsx) and open it again.": "Enregistrez-le en CSV ou Excel (.xlsx) et ouvrez-le à nouveau.",
    "The file is empty.": "Le fichier est vide.",
    "Open it to check that it holds data, or ask for a new copy.": "Ouvrez-le pour vérifier qu'il contient des données, ou demandez une nouvelle copie.",
    "The table has a header but no data rows.": "Le tableau a une ligne d'en-tête mais aucune ligne de données.",
    "Check that you chose the right file and sheet.": "Vérifiez que vous avez choisi le bon fichier et la bonne feuille.",
    "The workbook has no sheet named \"{sheet}\"; it has: {sheets}.": "Le classeur n'a pas de feuille nommée « {sheet} » ; il contient : {sheets}.",
    "Choose one of the sheets listed.": "Choisissez une des feuilles indiquées.",
    "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.": "Le fichier n'a pas pu être lu comme classeur : il est peut-être endommagé, protégé par mot de passe ou n'est pas vraiment un fichier Excel.",
    "Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.": "Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe éventuel et enregistrez-le à nouveau en .xlsx.",
    "The text file could not be read as a table.": "Le fichier texte n'a pas pu être lu comme un tableau.",
    "Check that it is a CSV file with one header row, or save it again from Excel as CSV UTF-8.": "Vérifiez qu'il s'agit d'un CSV avec une ligne d'en-tête, ou enregistrez-le à nouveau depuis Excel en « CSV UTF-8 ».",
    "The boundary file could not be read.": "Le fichier de limites n'a pas pu être lu.",
    "Use a GeoJSON, GeoPackage or a complete shapefile (.shp with its .shx, .dbf and .prj).": "Utilisez un GeoJSON, un GeoPackage ou un shapefile complet (.shp avec ses fichiers .shx, .dbf et .prj).",
    "The boundary file holds no areas.": "Le fichier de limites ne contient aucune zone.",
    "Choose a file with the admin areas (polygons) of your country.": "Choisissez un fichier contenant les zones administratives (polygones) de votre pays.",
    "The boundary file has no polygons (only points or lines).": "Le fichier de limites ne contient pas de polygones (seulement des points ou des lignes).",
    "A choropleth needs admin areas: choose the boundaries file, not a points file.": "Une carte choroplèthe a besoin de zones : choisissez le fichier des limites, pas un fichier de points.",
    "Web addresses cannot be opened: Carto Desktop works offline.": "Les adresses web ne peuvent pas être ouvertes : Carto Desktop fonctionne hors ligne.",
    "Download the file first, then open it from your computer.": "Téléchargez d'abord le fichier, puis ouvrez-le depuis votre ordinateur.",
    # columns
    "There is no column named \"{column}\".": "Il n'y a pas de colonne nommée « {column} ».",
    "Columns in this table: {columns}.": "Colonnes de ce tableau : {columns}.",
    "The column \"{column}\" has no numbers to add up.": "La colonne « {column} » ne contient aucun nombre à additionner.",
    "Choose a column of numbers, or use \"count\".": "Choisissez une colonne de nombres, ou utilisez « nombre ».",
    "No column of the table matches the P-codes or names of the boundary file.": "Aucune colonne du tableau ne correspond aux P-codes ou aux noms du fichier de limites.",
    "Name the column with --key-column, or check that table and boundaries are for the same country and admin level.": "Indiquez la colonne avec --key-column, ou vérifiez que le tableau et les limites portent sur le même pays et le même niveau administratif.",
    "The boundary file has no column of names or codes to match against.": "Le fichier de limites n'a aucune colonne de noms ou de codes pour l'appariement.",
    "Use an admin boundary file with a P-code or name column (for example from OCHA COD-AB).": "Utilisez un fichier de limites administratives avec une colonne de P-codes ou de noms (par exemple OCHA COD-AB).",
    "The aggregation \"{agg}\" needs a value column.": "L'agrégation « {agg} » nécessite une colonne de valeurs.",
    "Name the column with --value.": "Indiquez la colonne avec --value.",
    "No row of the table could be matched to an area, so there is nothing to map.": "Aucune ligne du tableau n'a pu être rattachée à une zone : il n'y a rien à cartographier.",
    "Run \"carto-desktop match\" to see why, and check the key column.": "Lancez « carto-desktop match » pour voir pourquoi, et vérifiez la colonne clé.",
    "Unknown way of combining rows: \"{agg}\".": "Mode de regroupement des lignes inconnu : « {agg} ».",
    "Use one of: {choices}.": "Utilisez l'un de ceux-ci : {choices}.",
    "Use a file name ending in .csv.": "Utilisez un nom de fichier se terminant par .csv.",
    # templates
    "The style template \"{name}\" was not found.": "Le modèle de style « {name} » est introuvable.",
    "Bundled templates: {names}; or give the path of a .json template.": "Modèles fournis : {names} ; ou indiquez le chemin d'un modèle .json.",
    "The style template is not valid JSON (line {line}, column {col}).": "Le modèle de style n'est pas un JSON valide (ligne {line}, colonne {col}).",
    "Open it in a text editor and fix the syntax near that place.": "Ouvrez-le dans un éditeur de texte et corrigez la syntaxe à cet endroit.",
    "The style template has an invalid value at \"{path}\": {problem}.": "Le modèle de style a une valeur invalide à « {path} » : {problem}.",
    "Compare it with a bundled template in the styles folder.": "Comparez-le avec un modèle fourni dans le dossier styles.",
    "The style template is version {version}, newer than this Carto Desktop understands.": "Le modèle de style est en version {version}, plus récente que ce que comprend cette version de Carto Desktop.",
    "Update Carto Desktop, or use a template made with this version.": "Mettez à jour Carto Desktop, ou utilisez un modèle créé avec cette version.",
    # export
    "The map cannot be saved as \"{suffix}\".": "La carte ne peut pas être enregistrée au format « {suffix} ».",
    "Use a file name ending in .png, .pdf or .svg.": "Utilisez un nom de fichier se terminant par .png, .pdf ou .svg.",
    "The map could not be written: {reason}.": "La carte n'a pas pu être écrite : {reason}.",
    "Choose a folder you can write to, with free space.": "Choisissez un dossier où vous pouvez écrire, avec de l'espace libre.",
    "The resolution must be between 30 and 1200 dpi.": "La résolution doit être comprise entre 30 et 1200 dpi.",
    "Use 150 dpi for screens and 300 dpi for print.": "Utilisez 150 dpi pour l'écran et 300 dpi pour l'impression.",
    "The match results could not be written: {reason}.": "Les résultats de l'appariement n'ont pas pu être écrits : {reason}.",
    # map texts
    "No data": "Aucune donnée",
    "Source": "Source",
    "Sources": "Sources",
    "Created": "Créée le",
    "Projection": "Projection",
    "Producer": "Producteur",
    "Number of rows": "Nombre de lignes",
    "Number of distinct {column}": "Nombre de {column} distincts",
    "Sum of {column}": "Somme de {column}",
    "Mean of {column}": "Moyenne de {column}",
    "{n} areas": "{n} zones",
    "Lambert azimuthal equal-area, centred on {lat}, {lon}": "Lambert azimutale équivalente, centrée sur {lat}, {lon}",
    "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.": "Les frontières et les noms indiqués et les désignations employées sur cette carte n'impliquent pas reconnaissance ou acceptation officielle par l'Organisation des Nations Unies.",
}

_CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": {}, "fr": FRENCH}


def translate(text: str, lang: str = "en", **params: object) -> str:
    """Return `text` in `lang`, with `{placeholders}` filled; English is the fallback."""
    out = _CATALOGUES.get(lang, {}).get(text, text)
    return out.format(**params) if params else out


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's system locale, 'fr' or 'en' (English otherwise)."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
