"""French for the engine's messages: Matching rows to areas, columns and aggregation options."""

FRENCH: dict[str, str] = {
    # carto-desktop match, its summary lines
    "Personal columns left out (use --keep-personal-columns to keep them): {columns}": "Colonnes personnelles laissées de côté (--keep-personal-columns pour les garder) : {columns}",
    "{path}: {matched} matched, {review} to review, {unmatched} unmatched (key column \"{key}\")": "{path} : {matched} appariées, {review} à vérifier, {unmatched} introuvables (colonne clé « {key} »)",
    "Not matched automatically: {reasons}": "Non appariées automatiquement : {reasons}",
    "Parents not in the boundary file (their rows go to review): {parents}": "Zones parentes absentes du fichier de limites (leurs lignes sont à vérifier) : {parents}",
    "Places: {credit}": "Lieux : {credit}",
    "There is no column named \"{column}\".": "Il n'y a pas de colonne nommée « {column} ».",
    "Columns in this table: {columns}.": "Colonnes de ce tableau : {columns}.",
    "The column \"{column}\" has no numbers to add up.": "La colonne « {column} » ne contient aucun nombre à additionner.",
    "Choose a column of numbers, or use \"count\".": "Choisissez une colonne de nombres, ou utilisez « nombre ».",
    "No column of the table matches the P-codes or names of the boundary file.": "Aucune colonne du tableau ne correspond aux P-codes ou aux noms du fichier de limites.",
    "Name the column with --key-column, or check that table and boundaries are for the same country and admin level.": "Indiquez la colonne avec --key-column, ou vérifiez que le tableau et les limites portent sur le même pays et le même niveau administratif.",
    "Both columns \"{column}\" and \"{other}\" name areas of the boundary file: which one places the rows is not clear.": "Les colonnes « {column} » et « {other} » nomment toutes deux des zones du fichier de limites : on ne sait pas laquelle situe les lignes.",
    "Choose the key column (--key-column on the command line, or in the Match step).": "Choisissez la colonne clé (--key-column en ligne de commande, ou à l'étape Appariement).",
    "Column \"{column}\" names the parent areas of the boundary file (regions of its areas), not its areas.": "La colonne « {column} » nomme les zones parentes du fichier de limites (les régions de ses zones), pas ses zones.",
    "Use the boundary file of that level, or name the column that names the areas with --key-column.": "Utilisez le fichier de limites de ce niveau, ou indiquez avec --key-column la colonne qui nomme les zones.",
    "The boundary file gives the same P-code \"{code}\" to {n} areas: {areas}.": "Le fichier de limites donne le même P-code « {code} » à {n} zones : {areas}.",
    "The boundary file gives the same P-code to several areas, {count} times: \"{code}\" to {n} areas: {areas}.": "Le fichier de limites donne le même P-code à plusieurs zones, {count} fois : « {code} » à {n} zones : {areas}.",
    "Correct the code of one of them in the boundary file, or join them into one if they are pieces of the same area; on the command line, --id-column can name another column that tells every area apart.": "Corrigez le code de l'une d'elles dans le fichier de limites, ou réunissez-les en une seule si ce sont des morceaux de la même zone ; en ligne de commande, --id-column peut indiquer une autre colonne qui distingue chaque zone.",
    "The boundary file has no column of names or codes to match against.": "Le fichier de limites n'a aucune colonne de noms ou de codes pour l'appariement.",
    "Use an admin boundary file with a P-code or name column (for example from OCHA COD-AB).": "Utilisez un fichier de limites administratives avec une colonne de P-codes ou de noms (par exemple OCHA COD-AB).",
    "The aggregation \"{agg}\" needs a value column.": "L'agrégation « {agg} » nécessite une colonne de valeurs.",
    "Name the column with --value.": "Indiquez la colonne avec --value.",
    "No row of the table could be matched to an area, so there is nothing to map.": "Aucune ligne du tableau n'a pu être rattachée à une zone : il n'y a rien à cartographier.",
    "Run \"carto-desktop match\" to see why, and check the key column.": "Lancez « carto-desktop match » pour voir pourquoi, et vérifiez la colonne clé.",
    "Unknown way of combining rows: \"{agg}\".": "Mode de regroupement des lignes inconnu : « {agg} ».",
    "Use one of: {choices}.": "Utilisez l'un de ceux-ci : {choices}.",
    "Use a file name ending in .csv.": "Utilisez un nom de fichier se terminant par .csv.",
    "The boundary file has no column named \"{column}\".": "Le fichier de limites n'a pas de colonne nommée « {column} ».",
    "Columns in the boundary file: {columns}.": "Colonnes du fichier de limites : {columns}.",
    "The boundary file has no parent areas to check \"{column}\" against.": "Le fichier de limites n'a pas de zones parentes auxquelles comparer « {column} ».",
    "Use a boundary file that carries its parent level (for example adm1_pcode in an admin 2 file), or leave out --parent-column.": "Utilisez un fichier de limites qui porte son niveau parent (par exemple adm1_pcode dans un fichier de niveau 2), ou retirez --parent-column.",
    "The alias list could not be read: {reason}.": "La liste d'alias n'a pas pu être lue : {reason}.",
    "Delete or repair the file; it is rebuilt from your next decisions.": "Supprimez ou réparez le fichier ; il sera reconstruit à partir de vos prochaines décisions.",
    "The gazetteer could not be read: {reason}.": "Le répertoire de lieux n'a pas pu être lu : {reason}.",
    "Use a CSV with columns name, lat and lon (decimal degrees), or a GeoNames export.": "Utilisez un CSV avec les colonnes name, lat et lon (degrés décimaux), ou un export GeoNames.",
    "places: {credit}": "lieux : {credit}",
    "The gazetteer has no name, latitude and longitude columns.": "Le répertoire de lieux n'a pas de colonnes de nom, de latitude et de longitude.",
    "The spelling is close to an area's name, but not close enough to be sure.": "L'orthographe est proche du nom d'une zone, mais pas assez pour en être sûr.",
    "Two area names are about equally close.": "Deux noms de zones sont presque aussi proches l'un que l'autre.",
    "The direction word (North, East…) is not the area's.": "Le point cardinal (Nord, Est…) n'est pas celui de la zone.",
    "The name is too short to be sure.": "Le nom est trop court pour en être sûr.",
    "Several areas have this name.": "Plusieurs zones portent ce nom.",
    "This is only part of several area names (such as \"Batha East\" and \"Batha West\").": "Ce n'est qu'une partie du nom de plusieurs zones (comme « Batha Est » et « Batha Ouest »).",
    "An area has this name, but in another region than your table says.": "Une zone porte ce nom, mais dans une autre région que celle de votre tableau.",
    "The region your table gives is not in the boundary file.": "La région indiquée par votre tableau n'est pas dans le fichier de limites.",
    "Places with this name lie in several areas.": "Des lieux portant ce nom se trouvent dans plusieurs zones.",
    "Only villages have this name; their positions are too rough to be sure.": "Seuls des villages portent ce nom ; leur position est trop approximative pour en être sûr.",
    "A place with this name lies close to a border between areas.": "Un lieu portant ce nom est tout près d'une limite entre zones.",
    "A place with this name was found, but an area's name points elsewhere.": "Un lieu portant ce nom a été trouvé, mais le nom d'une zone désigne un autre endroit.",
    "This P-code is not in the boundary file.": "Ce P-code n'est pas dans le fichier de limites.",
    "Several areas have this code once the leading zeros a spreadsheet dropped are restored.": "Plusieurs zones ont ce code une fois rétablis les zéros de tête qu'un tableur a supprimés.",
    "No area has a name close to this one.": "Aucune zone n'a un nom proche de celui-ci.",
    "The cell is empty.": "La cellule est vide.",
    "You chose to leave these rows off the map.": "Vous avez choisi de laisser ces lignes hors de la carte.",
    "The point lies outside every area.": "Le point est en dehors de toutes les zones.",
    "Latitude and longitude seem to be swapped.": "La latitude et la longitude semblent inversées.",
    "The latitude or longitude is missing.": "La latitude ou la longitude manque.",
    "The latitude or longitude cannot be read.": "La latitude ou la longitude est illisible.",
    "The point is at 0, 0: the GPS had no position.": "Le point est en 0, 0 : le GPS n'avait pas de position.",
    "The latitude or longitude is out of range.": "La latitude ou la longitude est hors limites.",
    "Spelled differently": "Orthographe différente",
    "Two names alike": "Deux noms proches",
    "Direction word differs": "Point cardinal différent",
    "Name too short": "Nom trop court",
    "Several areas": "Plusieurs zones",
    "Part of several names": "Partie de plusieurs noms",
    "In another region": "Dans une autre région",
    "Unknown region": "Région inconnue",
    "Places in several areas": "Lieux dans plusieurs zones",
    "Only villages": "Seulement des villages",
    "Near a border": "Près d'une limite",
    "Place and area differ": "Lieu et zone divergent",
    "Unknown P-code": "P-code inconnu",
    "Several codes fit": "Plusieurs codes possibles",
    "Nothing close": "Rien d'approchant",
    "Empty cell": "Cellule vide",
    "Left off by you": "Écarté par vous",
    "Outside every area": "Hors de toutes les zones",
    "Latitude/longitude swapped?": "Latitude/longitude inversées ?",
    "No coordinates": "Pas de coordonnées",
    "Unreadable coordinates": "Coordonnées illisibles",
    "Point at 0, 0": "Point en 0, 0",
    "Coordinates out of range": "Coordonnées hors limites",
}
FRENCH.update({
    # reasons.why_unsure: a name an area almost has, explained by villages of that name
    "Probably {area}, misspelt": "Sans doute {area}, mal orthographié",
    "Probably a misspelling of {area}: the names differ by a letter or two. Villages also have this name, but their "
    "positions are too rough to be sure.":
        "Sans doute une faute d'orthographe pour {area} : les noms ne diffèrent que d'une ou deux lettres. Des "
        "villages portent aussi ce nom, mais leur position est trop approximative pour en être sûr.",
})
FRENCH.update({
    # MatchResult.notes: what matching read differently from the table's writing
    "{count} rows write their P-code as a number, without its leading zeros (such as \"{value}\" for {code}); the "
    "zeros were restored to match them.":
        "{count} lignes écrivent leur P-code comme un nombre, sans ses zéros de tête (par exemple « {value} » pour "
        "{code}) ; les zéros ont été rétablis pour les apparier.",
    "{count} row writes its P-code as a number, without its leading zeros (\"{value}\" for {code}); the zeros were "
    "restored to match it.":
        "{count} ligne écrit son P-code comme un nombre, sans ses zéros de tête (« {value} » pour {code}) ; les "
        "zéros ont été rétablis pour l'apparier.",
})
FRENCH.update({
    "{count} cells of column \"{column}\" hold invisible characters (a byte-order mark, a zero-width space…): "
    "matching ignored them, and the table is unchanged.":
        "{count} cellules de la colonne « {column} » contiennent des caractères invisibles (une marque d'ordre des "
        "octets, une espace sans chasse…) : l'appariement les a ignorés, et le tableau n'est pas modifié.",
    "{count} cell of column \"{column}\" holds invisible characters (a byte-order mark, a zero-width space…): "
    "matching ignored them, and the table is unchanged.":
        "{count} cellule de la colonne « {column} » contient des caractères invisibles (une marque d'ordre des "
        "octets, une espace sans chasse…) : l'appariement les a ignorés, et le tableau n'est pas modifié.",
})
SINGULAR: dict[str, tuple[str, str]] = {
    "{count} cells of column \"{column}\" hold invisible characters (a byte-order mark, a zero-width space…): "
    "matching ignored them, and the table is unchanged.":
        ("count", "{count} cell of column \"{column}\" holds invisible characters (a byte-order mark, a zero-width "
                  "space…): matching ignored them, and the table is unchanged."),
    "{count} rows write their P-code as a number, without its leading zeros (such as \"{value}\" for {code}); the "
    "zeros were restored to match them.":
        ("count", "{count} row writes its P-code as a number, without its leading zeros (\"{value}\" for {code}); "
                  "the zeros were restored to match it."),
}
