"""French for the engine's messages: the built-in boundaries and recognising them from a table."""

FRENCH: dict[str, str] = {
    "{country}, {levels} ({publisher}, {edition})": "{country}, {levels} ({publisher}, {edition})",
    "admin {level} areas": "zones admin {level}",
    "admin {level} area": "zone admin {level}",
    "{found} of {total} P-codes found": "{found} P-codes trouvés sur {total}",
    "{found} of {total} names found": "{found} noms trouvés sur {total}",
    "{set}: {counts}": "{set} : {counts}",
    "{set} (column \"{column}\": {counts})": "{set} (colonne « {column} » : {counts})",
    "Boundaries: {sentence}": "Limites : {sentence}",
    "Built-in boundaries: {sentence}": "Limites intégrées : {sentence}",
    "Built-in boundaries (choose with --country and --level, or --boundaries builtin:CODE/LEVEL):":
        "Limites intégrées (à choisir avec --country et --level, ou --boundaries builtin:CODE/NIVEAU) :",
    "  {spec:<15} {set}: {areas} areas, {licence}": "  {spec:<15} {set} : {areas} zones, {licence}",
    "Licence: as HDX publishes OCHA COD-AB; confirm it on the country's HDX page before publishing. "
    "Outlines simplified by OCHA (about 550 m): for country and region maps.":
        "Licence : celle sous laquelle HDX publie les COD-AB d'OCHA ; vérifiez-la sur la page HDX du pays avant "
        "de publier. Contours simplifiés par OCHA (environ 550 m) : pour des cartes de pays et de régions.",
    "{set}, built in": "{set}, intégrées",
    "Recognised from the table, built in": "Reconnues d'après le tableau, intégrées",
    # errors
    "\"{country}\" is not a country of the built-in boundaries.":
        "« {country} » n'est pas un pays des limites intégrées.",
    "Built-in countries: {countries}. Run \"carto-desktop boundaries\" to list them.":
        "Pays intégrés : {countries}. Lancez « carto-desktop boundaries » pour les lister.",
    "\"{spec}\" does not name built-in boundaries.": "« {spec} » ne désigne pas des limites intégrées.",
    "Write it as builtin:NER/2 (country code, then admin level 1 or 2).":
        "Écrivez-le sous la forme builtin:NER/2 (code du pays, puis niveau administratif 1 ou 2).",
    "The built-in boundaries of {country} have no admin level {level}.":
        "Les limites intégrées du pays {country} n'ont pas de niveau administratif {level}.",
    "Built-in levels are 1 and 2.": "Les niveaux intégrés sont 1 et 2.",
    "Choose the admin level of the built-in boundaries of {country}.":
        "Choisissez le niveau administratif des limites intégrées du pays {country}.",
    "This table names admin areas of several countries with built-in boundaries: {countries}.":
        "Ce tableau nomme des zones administratives de plusieurs pays aux limites intégrées : {countries}.",
    "Choose one with --country (for example --country {example}), or give your own boundary file with --boundaries.":
        "Choisissez-en un avec --country (par exemple --country {example}), ou indiquez votre propre fichier de "
        "limites avec --boundaries.",
    "This table's place names fit more than one built-in boundary set: {choices}.":
        "Les noms de lieux de ce tableau correspondent à plusieurs jeux de limites intégrées : {choices}.",
    "Choose one with --boundaries, for example --boundaries {example}.":
        "Choisissez-en un avec --boundaries, par exemple --boundaries {example}.",
    "No column of this table holds the P-codes or names of admin areas of {country}.":
        "Aucune colonne de ce tableau ne contient les P-codes ou les noms des zones administratives du pays {country}.",
    "Check the country, or give your own boundary file with --boundaries.":
        "Vérifiez le pays, ou indiquez votre propre fichier de limites avec --boundaries.",
    "No built-in boundaries fit this table: no column holds the P-codes or names of admin areas of {countries}.":
        "Aucune des limites intégrées ne correspond à ce tableau : aucune colonne ne contient les P-codes ou les "
        "noms des zones administratives de ces pays : {countries}.",
    "Give your own boundary file with --boundaries (OCHA COD-AB from HDX, for example).":
        "Indiquez votre propre fichier de limites avec --boundaries (par exemple les COD-AB d'OCHA sur HDX).",
    "Give either --boundaries or --country and --level, not both.":
        "Indiquez soit --boundaries, soit --country et --level, pas les deux.",
    "--boundaries builtin:NER/2 is the same as --country NER --level 2.":
        "--boundaries builtin:NER/2 équivaut à --country NER --level 2.",
    "--level needs --country.": "--level demande aussi --country.",
    "For example: --country NER --level 2.": "Par exemple : --country NER --level 2.",
}
