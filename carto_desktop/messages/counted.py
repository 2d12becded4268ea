"""French for what a map counts (`counted.py`) and the small-count rule's words on the map."""

FRENCH: dict[str, str] = {
    "The map counts the table's rows per area. It could show the total of a column of numbers instead: {columns} (in the Style step, \"Count or add up\"; on the command line, --value).":
        "La carte compte les lignes du tableau par zone. Elle pourrait montrer plutôt le total d'une colonne de "
        "nombres : {columns} (à l'étape Style, « Compter ou additionner » ; en ligne de commande, --value).",
    "Number of people or households": "Nombre de personnes ou de ménages",
    "Number of activities": "Nombre d'activités",
    "Number of sites": "Nombre de sites",
    "Number of records": "Nombre de lignes",
    "Number of organisations": "Nombre d'organisations",
    "Number of sectors": "Nombre de secteurs",
    "Number of different \"{column}\"": "Nombre de « {column} » différents",
    "{column} (total)": "{column} (total)",
    "{what} (average per row)": "{what} (moyenne par ligne)",
    "{what} (highest figure)": "{what} (valeur la plus élevée)",
    "People in need": "Personnes dans le besoin",
    "People targeted": "Personnes ciblées",
    "People reached": "Personnes atteintes",
    "Internally displaced people": "Personnes déplacées internes",
    "Returnees": "Personnes retournées",
    "Refugees": "Réfugiés",
    "People affected": "Personnes affectées",
    "Beneficiaries": "Bénéficiaires",
    "Households": "Ménages",
    "People": "Personnes",
    "Population": "Population",
    "Hidden: figures from fewer than {n} records, to protect the people counted.":
        "Masqué : chiffres issus de moins de {n} lignes, pour protéger les personnes comptées.",
    "Hidden: counts of people under {n} and figures from fewer than {n} records, to protect them.":
        "Masqué : effectifs de moins de {n} personnes et chiffres issus de moins de {n} lignes, pour les protéger.",
    "Hidden: counts of people under {n}, to protect them.":
        "Masqué : effectifs de moins de {n} personnes, pour les protéger.",
}
FRENCH.update({
    # totals.py
    "totals over {columns}": "totaux sur {columns}",
    "total rows only": "lignes de total seulement",
    "The table gives totals and their breakdowns: the map uses the {n} total rows ({columns} = all) and leaves out "
    "{detail} rows of breakdown, which would count people several times.":
        "Le tableau donne des totaux et leurs ventilations : la carte utilise les {n} lignes de total ({columns} = "
        "tous) et laisse de côté {detail} lignes de ventilation, qui compteraient plusieurs fois les mêmes personnes.",
    "The table gives totals ({columns} = all) for some areas only ({n} have none, e.g. {example}): adding up their "
    "other rows would count people several times.":
        "Le tableau ne donne des totaux ({columns} = tous) que pour certaines zones ({n} n'en ont pas, par exemple "
        "{example}) : additionner leurs autres lignes compterait plusieurs fois les mêmes personnes.",
    "Add the total row of each area, or keep only one level of breakdown in the table.":
        "Ajoutez la ligne de total de chaque zone, ou ne gardez qu'un niveau de ventilation dans le tableau.",
    "The table has {most} total rows ({columns} = all) for area {example}: they differ by another column, and "
    "adding them up could count people several times.":
        "Le tableau a {most} lignes de total ({columns} = tous) pour la zone {example} : elles diffèrent par une "
        "autre colonne, et les additionner pourrait compter plusieurs fois les mêmes personnes.",
    "Keep one total row per area (filter the year or round), then map it again.":
        "Gardez une ligne de total par zone (filtrez l'année ou le cycle), puis refaites la carte.",
    # rows_account.py
    "{mapped} of {total} rows are on the map.": "{mapped} lignes sur {total} sont sur la carte.",
    "{mapped} of {total} rows are mapped": "{mapped} lignes sur {total} sont cartographiées",
    "{n} have no number in \"{column}\"": "{n} n'ont pas de nombre dans « {column} »",
    "{n} has no number in \"{column}\"": "{n} n'a pas de nombre dans « {column} »",
    "{n} are breakdowns of the totals used ({what})": "{n} ventilent les totaux utilisés ({what})",
    "{n} is a breakdown of the totals used ({what})": "{n} ventile les totaux utilisés ({what})",
    "{n} give only a larger area ({columns})": "{n} ne donnent qu'une zone plus grande ({columns})",
    "{n} gives only a larger area ({columns})": "{n} ne donne qu'une zone plus grande ({columns})",
    "{n} give no place": "{n} ne donnent aucun lieu",
    "{n} gives no place": "{n} ne donne aucun lieu",
    "{n} wait for a decision in the match review": "{n} attendent une décision dans la vérification des correspondances",
    "{n} waits for a decision in the match review": "{n} attend une décision dans la vérification des correspondances",
    "{n} name no area of the boundary file: {names}": "{n} ne nomment aucune zone du fichier de limites : {names}",
    "{n} names no area of the boundary file: {names}": "{n} ne nomme aucune zone du fichier de limites : {names}",
    "Presence": "Présence",
    "{n} have no coordinates": "{n} n'ont pas de coordonnées",
    "{n} has no coordinates": "{n} n'a pas de coordonnées",
    "{n} have coordinates that cannot be used (rows {rows})":
        "{n} ont des coordonnées inutilisables (lignes {rows})",
    "{n} has coordinates that cannot be used (row {rows})": "{n} a des coordonnées inutilisables (ligne {rows})",
    # rows_account.py: rows naming only a region, drawn on it
    "Reported for the whole {level} only: {n} rows": "Signalé au niveau {level} seulement : {n} lignes",
    "Reported for the whole {level} only: {n} row": "Signalé au niveau {level} seulement : {n} ligne",
    # project.py: --value without --agg
    "\"{column}\" holds numbers: the map shows their total per area (--agg to choose another way).":
        "« {column} » contient des nombres : la carte montre leur total par zone (--agg pour choisir autrement).",
    "\"{column}\" holds text: the map shows the number of different values per area (--agg to choose another way).":
        "« {column} » contient du texte : la carte montre le nombre de valeurs différentes par zone (--agg pour "
        "choisir autrement).",
    # map_data.py
    "The map's data can be written for maps of areas only, not for points or hexagons.":
        "Les données de la carte ne s'écrivent que pour les cartes de zones, pas pour les points ou les hexagones.",
    "Use an area template (choropleth, presence, symbols, sectors).":
        "Choisissez un modèle de zones (choroplèthe, présence, symboles, secteurs).",
    "The map's data could not be written: {reason}.": "Les données de la carte n'ont pas pu être écrites : {reason}.",
    "{n} areas shown as \"{label}\" on the map are written so in {file} too, without their figure (column \"note\"); turn the small-count threshold off to have every figure, on the map too.":
        "{n} zones affichées « {label} » sur la carte le sont aussi dans {file}, sans leur chiffre (colonne "
        "« note ») ; désactivez le seuil des petits effectifs pour avoir tous les chiffres, sur la carte aussi.",
    "1 area shown as \"{label}\" on the map is written so in {file} too, without its figure (column \"note\"); turn the small-count threshold off to have every figure, on the map too.":
        "1 zone affichée « {label} » sur la carte l'est aussi dans {file}, sans son chiffre (colonne « note ») ; "
        "désactivez le seuil des petits effectifs pour avoir tous les chiffres, sur la carte aussi.",
    "{n} figures per area and sector under {min} are not written in {file}, to protect the people counted (the map shows presence only).":
        "{n} chiffres par zone et secteur inférieurs à {min} ne sont pas écrits dans {file}, pour protéger les "
        "personnes comptées (la carte ne montre que la présence).",
    "1 figure per area and sector under {min} is not written in {file}, to protect the people counted (the map shows presence only).":
        "1 chiffre par zone et secteur inférieur à {min} n'est pas écrit dans {file}, pour protéger les "
        "personnes comptées (la carte ne montre que la présence).",
    "Use a file name ending in .csv, .gpkg or .geojson.": "Donnez un nom de fichier finissant par .csv, .gpkg ou .geojson.",
})
FRENCH.update({
    # project.page_inputs: sources in the user's words, never a file name
    "data: source not given": "données : source non indiquée",
    "boundaries: source not given": "limites : source non indiquée",
    "source not given": "source non indiquée",
    "No source is named for the data, so the map says \"source not given\": name it with --source (or in a "
    "credits.json beside the table).":
        "Aucune source n'est indiquée pour les données, la carte dit donc « source non indiquée » : indiquez-la avec "
        "--source (ou dans un credits.json à côté du tableau).",
})
FRENCH.update({
    # sectors (page._draw_sector_panels, thematic.sector_legend)
    "+{k} more not drawn: {names}": "+{k} autres non dessinés : {names}",
    "(n) = number of areas where the sector is present": "(n) = nombre de zones où le secteur est présent",
})
FRENCH.update({
    # counted.small_counts_text: the Style step's line under the small-count threshold
    "This map counts organisations: organisations are never hidden.":
        "Cette carte compte des organisations\u202f: les organisations ne sont jamais masquées.",
    "This map counts sectors: sectors are never hidden.":
        "Cette carte compte des secteurs\u202f: les secteurs ne sont jamais masqués.",
    "This map counts activities: activities are never hidden.":
        "Cette carte compte des activités\u202f: les activités ne sont jamais masquées.",
    "This map counts sites: sites are never hidden.":
        "Cette carte compte des sites\u202f: les sites ne sont jamais masqués.",
    "This map adds up amounts of money: amounts are never hidden.":
        "Cette carte additionne des montants\u202f: les montants ne sont jamais masqués.",
    "This map draws each site as a point: it shows no count, so nothing is hidden.":
        "Cette carte dessine chaque site par un point\u202f: elle ne montre aucun effectif, rien n'est donc masqué.",
    "The rows of this table are not people: no figure is hidden.":
        "Les lignes de ce tableau ne sont pas des personnes\u202f: aucun chiffre n'est masqué.",
    "This map counts people and shows every figure exactly, even the smallest.":
        "Cette carte compte des personnes et montre chaque chiffre exactement, même le plus petit.",
    "This map counts people; no area has fewer than {n}.":
        "Cette carte compte des personnes\u202f; aucune zone n'en a moins de {n}.",
    "This map counts people: {areas} areas under {n} are shown as \"fewer than {n}\".":
        "Cette carte compte des personnes\u202f: {areas} zones sous {n} sont montrées comme «\u202fmoins de {n}\u202f».",
    "This map counts people: {areas} area under {n} is shown as \"fewer than {n}\".":
        "Cette carte compte des personnes\u202f: {areas} zone sous {n} est montrée comme «\u202fmoins de {n}\u202f».",
})
SINGULAR: dict[str, tuple[str, str]] = {
    "{n} areas shown as \"{label}\" on the map are written so in {file} too, without their figure (column \"note\"); turn the small-count threshold off to have every figure, on the map too.":
        ("n", "1 area shown as \"{label}\" on the map is written so in {file} too, without its figure (column "
              "\"note\"); turn the small-count threshold off to have every figure, on the map too."),
    "{n} figures per area and sector under {min} are not written in {file}, to protect the people counted (the map shows presence only).":
        ("n", "1 figure per area and sector under {min} is not written in {file}, to protect the people counted "
              "(the map shows presence only)."),
    "This map counts people: {areas} areas under {n} are shown as \"fewer than {n}\".":
        ("areas", "This map counts people: {areas} area under {n} is shown as \"fewer than {n}\"."),
}
