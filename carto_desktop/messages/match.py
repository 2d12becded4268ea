"""French for the engine's messages: Matching rows to areas, columns and aggregation options."""

FRENCH: dict[str, str] = {
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
}
