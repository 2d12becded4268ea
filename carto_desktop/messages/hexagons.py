"""French for `hexagons.py` and the hexagon grid's texts on the map (points of people counted per hexagon)."""

FRENCH = {
    "The hexagon size must be a number of kilometres, at least {min}, not \"{km}\".":
        "La taille des hexagones doit être un nombre de kilomètres, au moins {min}, et non « {km} ».",
    "Give a size such as 10, or leave it out to let Carto Desktop choose.":
        "Donnez une taille comme 10, ou laissez-la vide pour que Carto Desktop la choisisse.",
    "Hexagons of {km} km are too small for points spread over {extent} km.":
        "Des hexagones de {km} km sont trop petits pour des points répartis sur {extent} km.",
    "Give a larger size, or leave it out to let Carto Desktop choose.":
        "Donnez une taille plus grande, ou laissez-la vide pour que Carto Desktop la choisisse.",
    "Points of people are counted per \"areas\" or per \"hexagons\", not \"{choice}\".":
        "Les points de personnes sont comptés par « areas » (zones) ou par « hexagons » (hexagones), "
        "et non « {choice} ».",
    "Choose one of the two.": "Choisissez l'un des deux.",
    "No GPS point of the table lies inside the areas of the boundary file, so there is nothing to count.":
        "Aucun point GPS du tableau ne se trouve dans les zones du fichier de limites : il n'y a rien à compter.",
    "No GPS point of the table lies inside the areas of the boundary file, so there is nothing to draw.":
        "Aucun point GPS du tableau ne se trouve dans les zones du fichier de limites : il n'y a rien à dessiner.",
    "Check the latitude and longitude columns, and that the boundary file covers the places surveyed.":
        "Vérifiez les colonnes de latitude et de longitude, et que le fichier de limites couvre les lieux enquêtés.",
    "An atlas is made of admin areas: a map of hexagons is one page.":
        "Un atlas se fait par zones administratives : une carte d'hexagones tient sur une page.",
    "Count the people per area for an atlas (--people-points areas), or make one map.":
        "Comptez les personnes par zone pour un atlas (--people-points areas), ou faites une seule carte.",
    "Points of people were counted per hexagon of {size} km instead of drawn: {reason}":
        "Les points de personnes ont été comptés par hexagone de {size} km au lieu d'être dessinés : {reason}",
    "Number of points per hexagon of {size} km": "Nombre de points par hexagone de {size} km",
    "(n) = number of hexagons": "(n) = nombre d'hexagones",
    "Number of households per hexagon of {size} km": "Nombre de ménages par hexagone de {size} km",
    "Number of people per hexagon of {size} km": "Nombre de personnes par hexagone de {size} km",
    "Data: {source} · {n} hexagons of {size} km": "Données : {source} · {n} hexagones de {size} km",
    "Every hexagon of {size} km holds fewer than {n} points of people, so the whole map would be grey and show nothing.":
        "Chaque hexagone de {size} km contient moins de {n} points de personnes : toute la carte serait grise et ne "
        "montrerait rien.",
    "Choose larger hexagons: {larger} km (--hexagon-km {larger}).":
        "Choisissez des hexagones plus grands : {larger} km (--hexagon-km {larger}).",
    "Count them per area instead (--people-points areas): even the largest hexagons hold too few.":
        "Comptez-les plutôt par zone (--people-points areas) : même les plus grands hexagones en contiennent trop peu.",
    "Each hexagon is {size} km across;\nareas are outlined in grey.":
        "Chaque hexagone mesure {size} km de large ;\nles zones sont délimitées en gris.",
    "{n} rows were not counted: their GPS point is missing, unreadable or outside the areas.":
        "{n} lignes n'ont pas été comptées : leur point GPS manque, est illisible ou hors des zones.",
}
