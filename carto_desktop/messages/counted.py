"""French for what a map counts (`counted.py`) and the small-count rule's words on the map."""

FRENCH: dict[str, str] = {
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
