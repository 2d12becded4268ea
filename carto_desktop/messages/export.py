"""French for the engine's messages: Writing maps and match results."""

FRENCH: dict[str, str] = {
    "The map cannot be saved as \"{suffix}\".": "La carte ne peut pas être enregistrée au format « {suffix} ».",
    "Use a file name ending in .png, .pdf, .svg or .html.": "Utilisez un nom de fichier se terminant par .png, .pdf, .svg ou .html.",
    "\"{name}\" could not be written: {reason}.": "« {name} » n'a pas pu être écrit : {reason}.",
    "Choose a folder you can write to, with free space.": "Choisissez un dossier où vous pouvez écrire, avec de l'espace libre.",
    "The resolution must be between 30 and 1200 dpi.": "La résolution doit être comprise entre 30 et 1200 dpi.",
    "Use 150 dpi for screens and 300 dpi for print.": "Utilisez 150 dpi pour l'écran et 300 dpi pour l'impression.",
    "{options}: only for a single map, not for an atlas.": "{options} : seulement pour une carte seule, pas pour un atlas.",
    "Run the command once without --atlas for them, and once without them for the atlas.": "Lancez la commande une fois sans --atlas pour cela, et une fois sans ces options pour l'atlas.",
    "What the command printed could not be written: {reason}.": "Ce que la commande a affiché n'a pas pu être écrit : {reason}.",
    "The match results could not be written: {reason}.": "Les résultats de l'appariement n'ont pas pu être écrits : {reason}.",
    "An atlas is a map per region in a PDF or in PNG or SVG files, not an interactive map.": "Un atlas est une carte par région dans un PDF ou dans des fichiers PNG ou SVG, pas une carte interactive.",
    "Use .pdf, .png or .svg with --atlas, or leave out --atlas: the interactive map zooms to any region.": "Utilisez .pdf, .png ou .svg avec --atlas, ou retirez --atlas : la carte interactive zoome sur chaque région.",
}
