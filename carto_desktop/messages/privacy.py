"""French for the engine's messages: Personal data (detection, the "before you share" check, purge)."""

FRENCH: dict[str, str] = {
    # the "before you share" check on a map of hexagons
    "Finest detail shown: hexagons of {size} km, {n} with data.": "Détail le plus fin : hexagones de {size} km, {n} avec des données.",
    "Counts under {n} are shown as \"fewer than {n}\": {cells} hexagons.": "Les effectifs inférieurs à {n} sont affichés « moins de {n} » : {cells} hexagones.",
    "Counts under {n} are shown as \"fewer than {n}\": {cells} hexagon.": "Les effectifs inférieurs à {n} sont affichés « moins de {n} » : {cells} hexagone.",
    "Points of people: not drawn; they are counted per hexagon of {size} km.": "Points de personnes : non dessinés ; ils sont comptés par hexagone de {size} km.",
    # why a column is personal data
    "People's names: a name identifies a person.": "Noms de personnes : un nom identifie une personne.",
    "Names or accounts of enumerators, staff or contact persons: they identify people.":
        "Noms ou comptes d'enquêteurs, d'agents ou de personnes de contact : ils identifient des personnes.",
    "Phone numbers: they identify a person and let anyone call them.":
        "Numéros de téléphone : ils identifient une personne et permettent à n'importe qui de l'appeler.",
    "E-mail addresses identify a person.": "Les adresses e-mail identifient une personne.",
    "ID, card or registration numbers identify a person.":
        "Les numéros d'identité, de carte ou d'enregistrement identifient une personne.",
    "Dates of birth, with a place, can identify a person.":
        "Les dates de naissance, avec un lieu, peuvent identifier une personne.",
    "Addresses show where a person lives.": "Les adresses montrent où vit une personne.",
    "Exact GPS points of households or people show where they live.":
        "Les points GPS exacts des ménages ou des personnes montrent où ils vivent.",
    "Free-text comments often hold names, phone numbers or private details.":
        "Les commentaires libres contiennent souvent des noms, des numéros de téléphone ou des détails privés.",
    "Form metadata (submission id, device, account, interview time) can lead back to the person interviewed "
    "and to the enumerator.":
        "Les métadonnées du formulaire (identifiant de soumission, appareil, compte, heure de l'entretien) "
        "peuvent permettre de retrouver la personne interrogée et l'enquêteur.",
    "Photos, signatures or recordings of people.": "Photos, signatures ou enregistrements de personnes.",
    "You marked this column as personal data.": "Vous avez indiqué que cette colonne contient des données personnelles.",
    "Found from the column name.": "Repéré par le nom de la colonne.",
    "Found from the values in the column.": "Repéré par les valeurs de la colonne.",
    "Your choice.": "Votre choix.",
    # points of people or of places
    "The rows are people: column \"{column}\" holds personal data.":
        "Les lignes sont des personnes : la colonne « {column} » contient des données personnelles.",
    "The rows are places: column \"{column}\" names sites or facilities.":
        "Les lignes sont des lieux : la colonne « {column} » nomme des sites ou des structures.",
    "The rows are people or households: see column \"{column}\".":
        "Les lignes sont des personnes ou des ménages : voir la colonne « {column} ».",
    "The rows are survey answers (a KoboToolbox/ODK export), so their points are taken to be people.":
        "Les lignes sont des réponses d'enquête (export KoboToolbox/ODK) : leurs points sont considérés "
        "comme des personnes.",
    "Nothing says the rows are people, so the points are drawn as places.":
        "Rien n'indique que les lignes sont des personnes : les points sont dessinés comme des lieux.",
    # the "before you share" check
    "Small counts are shown exactly: set a minimum count (5 is usual).":
        "Les petits effectifs sont montrés exactement : fixez un effectif minimum (5 en général).",
    "An area shows an exact count under {n}.": "Une zone montre un effectif exact inférieur à {n}.",
    "An area's figure comes from fewer than {n} records.": "Le chiffre d'une zone provient de moins de {n} lignes.",
    "Fewest records behind an area: {count}.": "Plus petit nombre de lignes derrière une zone : {count}.",
    "Each household or person is drawn as a point where they live.":
        "Chaque ménage ou personne est dessiné par un point là où il vit.",
    "The map uses the personal column \"{column}\".": "La carte utilise la colonne personnelle « {column} ».",
    "Before you share": "Avant de partager",
    "Map": "Carte",
    "Checked on": "Vérifié le",
    "What the map shows": "Ce que montre la carte",
    "Finest areas shown: {word} (admin level {level}), {n} with data.":
        "Zones les plus fines : {word} (niveau administratif {level}), {n} avec des données.",
    "Areas shown: {n} with data.": "Zones montrées : {n} avec des données.",
    "Finest detail shown: exact points ({n}).": "Détail le plus fin : points exacts ({n}).",
    "Smallest count shown exactly: {count}.": "Plus petit effectif montré exactement : {count}.",
    "Figures from fewer than {n} records are shown as \"fewer than {n}\": {areas} areas.":
        "Les chiffres venant de moins de {n} lignes sont montrés comme « moins de {n} » : {areas} zones.",
    "Figures from fewer than {n} records are shown as \"fewer than {n}\": {areas} area.":
        "Les chiffres venant de moins de {n} lignes sont montrés comme « moins de {n} » : {areas} zone.",
    "Shown as \"fewer than {n}\": {names}.": "Montrées comme « moins de {n} » : {names}.",
    "Counts under {n} are shown as \"fewer than {n}\": {areas} areas.":
        "Les effectifs inférieurs à {n} sont montrés comme « moins de {n} » : {areas} zones.",
    "Counts under {n} are shown as \"fewer than {n}\": {areas} area.":
        "Les effectifs inférieurs à {n} sont montrés comme « moins de {n} » : {areas} zone.",
    "Points of people: drawn one by one.": "Points de personnes : dessinés un par un.",
    "Points of people: not drawn; they are counted per area.":
        "Points de personnes : non dessinés ; ils sont comptés par zone.",
    "Points of people: none.": "Points de personnes : aucun.",
    "Personal data in the table": "Données personnelles dans le tableau",
    "No column looks like personal data.": "Aucune colonne ne ressemble à des données personnelles.",
    "used by the map": "utilisées par la carte",
    "kept out": "écartées",
    "not used by the map": "non utilisées par la carte",
    "used by the map [one column]": "utilisée par la carte",
    "kept out [one column]": "écartée",
    "not used by the map [one column]": "non utilisée par la carte",
    "Verdict": "Verdict",
    "Nothing in this map identifies a person or a small group.":
        "Rien dans cette carte n'identifie une personne ou un petit groupe.",
    "The project file (.cartoproj) keeps your choices and the paths of your inputs, not their rows.":
        "Le fichier de projet (.cartoproj) garde vos choix et les chemins de vos fichiers, pas leurs lignes.",
    "No value of the personal columns and no folder path was found in: {files}.":
        "Aucune valeur des colonnes personnelles et aucun chemin de dossier n'a été trouvé dans : {files}.",
    "The file {file} contains {n} personal values or folder paths.":
        "Le fichier {file} contient {n} valeurs personnelles ou chemins de dossier.",
    "The file {file} contains {n} personal value or folder path.":
        "Le fichier {file} contient {n} valeur personnelle ou chemin de dossier.",
    # carto-desktop purge
    "Removed: {path}": "Supprimé : {path}",
    "Nothing to remove for {project}: no autosave, recovery or temporary file, and not in the recent projects.":
        "Rien à supprimer pour {project} : aucune sauvegarde automatique, récupération ni fichier temporaire, "
        "et absent des projets récents.",
    "Removed from the app's recent projects ({path}).": "Retiré des projets récents de l'application ({path}).",
    "The map shows the name of your file \"{file}\": a file name can name a person; write the source in your own words.":
        "La carte affiche le nom de votre fichier « {file} » : un nom de fichier peut nommer une personne ; écrivez la source avec vos propres mots.",
}
# real plurals (`i18n.translate`): the count parameter and the singular sentence
SINGULAR: dict[str, tuple[str, str]] = {
    "Counts under {n} are shown as \"fewer than {n}\": {cells} hexagons.":
        ("cells", "Counts under {n} are shown as \"fewer than {n}\": {cells} hexagon."),
    "Figures from fewer than {n} records are shown as \"fewer than {n}\": {areas} areas.":
        ("areas", "Figures from fewer than {n} records are shown as \"fewer than {n}\": {areas} area."),
    "Counts under {n} are shown as \"fewer than {n}\": {areas} areas.":
        ("areas", "Counts under {n} are shown as \"fewer than {n}\": {areas} area."),
    "The file {file} contains {n} personal values or folder paths.":
        ("n", "The file {file} contains {n} personal value or folder path."),
    # a column's state after its reason: the same English words, one French form per number
    "used by the map": ("n", "used by the map [one column]"),
    "kept out": ("n", "kept out [one column]"),
    "not used by the map": ("n", "not used by the map [one column]"),
}
# the English of singular forms that differ from their plural in French only
ENGLISH: dict[str, str] = {
    "used by the map [one column]": "used by the map",
    "kept out [one column]": "kept out",
    "not used by the map [one column]": "not used by the map",
}

