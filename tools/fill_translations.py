"""Fill empty French translations in ui/carto_desktop_fr.ts from the table below.

Workflow: `pyside6-lupdate carto_desktop/gui/*.py -ts ui/carto_desktop_fr.ts`, add the new
strings here (or in Qt Linguist), run this, then `pyside6-lrelease ui/carto_desktop_fr.ts`.
A test fails while any string is left unfinished.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FR = {
    # built-in boundaries (main_window.py, data_step.py)
    "Looking for the boundaries that fit the table…": "Recherche des limites qui correspondent au tableau…",
    "Choose the boundaries: built in, or your own file.": "Choisissez les limites : intégrées, ou votre propre fichier.",
    "Boundaries:": "Limites :",
    "Admin boundaries that come with Carto Desktop (OCHA COD-AB): nothing to download":
        "Limites administratives fournies avec Carto Desktop (OCHA COD-AB) : rien à télécharger",
    "Open my own file…": "Ouvrir mon propre fichier…",
    "Change…": "Changer…",
    "Built-in boundaries…": "Limites intégrées…",
    "Choose built-in boundaries below, or open your own file.":
        "Choisissez des limites intégrées ci-dessous, ou ouvrez votre propre fichier.",
    # errors.py
    "Something went wrong inside Carto Desktop. Your work is not lost; please report this with the details below.":
        "Un problème interne est survenu dans Carto Desktop. Votre travail n'est pas perdu ; "
        "signalez-le avec les détails ci-dessous.",
    "Carto Desktop": "Carto Desktop",
    # main_window.py
    "1. Data": "1. Données",
    "2. Match": "2. Appariement",
    "3. Style": "3. Style",
    "4. Export": "4. Export",
    "Your table and boundary files (Ctrl+1)": "Votre tableau et vos fichiers de limites (Ctrl+1)",
    "Link each row of the table to an area of the map (Ctrl+2)":
        "Relier chaque ligne du tableau à une zone de la carte (Ctrl+2)",
    "Kind of map, colours and texts (Ctrl+3)": "Type de carte, couleurs et textes (Ctrl+3)",
    "Save the map as an image or a PDF (Ctrl+4)": "Enregistrer la carte en image ou en PDF (Ctrl+4)",
    "← Back": "← Précédent",
    "Next →": "Suivant →",
    "The map appears here and follows every change you make.":
        "La carte s'affiche ici et suit chacune de vos modifications.",
    "Preview of the map page; the exported file is sharper":
        "Aperçu de la page ; le fichier exporté est plus net",
    "Rows of your table linked to an area, to check, and not found":
        "Lignes de votre tableau reliées à une zone, à vérifier, et introuvables",
    "Ready": "Prêt",
    "&File": "&Fichier",
    "&New map from my files…": "&Nouvelle carte à partir de mes fichiers…",
    "Open &sample project": "Ouvrir le projet d'&exemple",
    "&Open project…": "&Ouvrir un projet…",
    "Open &recent": "Projets &récents",
    "&Save project": "&Enregistrer le projet",
    "Save project &as…": "Enregistrer le projet &sous…",
    "&Quit": "&Quitter",
    "&Edit": "É&dition",
    "&Undo": "&Annuler",
    "&Redo": "&Rétablir",
    "&Language": "&Langue",
    "&Help": "&Aide",
    "&User guide": "&Guide d'utilisation",
    "The map was not exported.": "La carte n'a pas été exportée.",
    "Export cancelled.": "Export annulé.",
    "Something needs your attention": "Un point demande votre attention",
    "Opening the sample project…": "Ouverture du projet d'exemple…",
    "map": "carte",
    "Making the map…": "Création de la carte…",
    "Matched: %1 · to review: %2 · not found: %3": "Appariées : %1 · à vérifier : %2 · introuvables : %3",
    "Map ready": "Carte prête",
    "Notes on this map: %1": "Remarques sur cette carte : %1",
    "unsure": "incertain",
    "not found": "introuvable",
    "Exporting…": "Export en cours…",
    "Saved: %1": "Enregistré : %1",
    "Map exported": "Carte exportée",
    "Now choose the boundary file.": "Choisissez maintenant le fichier de limites.",
    "Now choose the table.": "Choisissez maintenant le tableau.",
    "Choose table": "Choisir le tableau",
    "Tables (%1)": "Tableaux (%1)",
    "Choose boundaries": "Choisir les limites",
    "Boundaries (%1)": "Limites (%1)",
    "Carto Desktop does not know what to do with %1": "Carto Desktop ne sait pas quoi faire de %1",
    "Save project": "Enregistrer le projet",
    "Carto Desktop projects (*%1)": "Projets Carto Desktop (*%1)",
    "Project saved: %1": "Projet enregistré : %1",
    "Open project": "Ouvrir un projet",
    "Opening %1…": "Ouverture de %1…",
    "These input files were not found: %1. Choose them again in step 1.":
        "Ces fichiers d'entrée sont introuvables : %1. Choisissez-les de nouveau à l'étape 1.",
    "These input files have changed since the project was saved: %1. The map uses their new content.":
        "Ces fichiers d'entrée ont changé depuis l'enregistrement du projet : %1. La carte utilise leur "
        "nouveau contenu.",
    "This project uses files outside its folder:\n%1\n\nOpen them?":
        "Ce projet utilise des fichiers situés hors de son dossier :\n%1\n\nLes ouvrir ?",
    "Carto Desktop was closed before your last changes were saved. Do you want to recover them?":
        "Carto Desktop a été fermé avant l'enregistrement de vos dernières modifications. "
        "Voulez-vous les récupérer ?",
    "Recover my work": "Récupérer mon travail",
    "Start afresh": "Repartir de zéro",
    "Untitled map": "Carte sans titre",
    # start_page.py
    "Make a map from your spreadsheet in four steps": "Faites une carte à partir de votre tableur en quatre étapes",
    "You need a table (Excel or CSV) with one row per place or activity, and the boundaries of the areas "
    "(regions, districts). Carto Desktop works without internet.":
        "Il vous faut un tableau (Excel ou CSV) avec une ligne par lieu ou par activité, et les limites des zones "
        "(régions, cercles). Carto Desktop fonctionne sans internet.",
    "Open sample project": "Ouvrir le projet d'exemple",
    "Mali: where humanitarian partners work (OCHA 3W, December 2023)":
        "Mali : où travaillent les partenaires humanitaires (3W OCHA, décembre 2023)",
    "New map from my files…": "Nouvelle carte à partir de mes fichiers…",
    "Choose your table, then the boundary file": "Choisissez votre tableau, puis le fichier de limites",
    "Open project…": "Ouvrir un projet…",
    "A .cartoproj file saved earlier": "Un fichier .cartoproj enregistré auparavant",
    "Recent projects:": "Projets récents :",
    "Double-click or press Enter to open": "Double-cliquez ou appuyez sur Entrée pour ouvrir",
    "No recent project yet.": "Pas encore de projet récent.",
    "Tip: you can also drop a table, a boundary file or a project anywhere in this window.":
        "Astuce : vous pouvez aussi déposer un tableau, un fichier de limites ou un projet n'importe où dans "
        "cette fenêtre.",
    # data_step.py
    "Your files": "Vos fichiers",
    "Choose table…": "Choisir le tableau…",
    "A spreadsheet (Excel, CSV) with one row per activity or place":
        "Un tableur (Excel, CSV) avec une ligne par activité ou par lieu",
    "No table chosen": "Aucun tableau choisi",
    "A workbook can hold several sheets (tabs); pick the one with your data":
        "Un classeur peut contenir plusieurs feuilles (onglets) ; choisissez celle qui contient vos données",
    "Sheet:": "Feuille :",
    "Choose boundaries…": "Choisir les limites…",
    "The outlines of the admin areas (regions, districts): GeoJSON, GeoPackage or shapefile":
        "Les contours des zones administratives (régions, cercles) : GeoJSON, GeoPackage ou shapefile",
    "No boundaries chosen": "Aucune limite choisie",
    "A GeoPackage can hold several layers (for example regions and districts); pick the areas your table talks about":
        "Un GeoPackage peut contenir plusieurs couches (par exemple régions et cercles) ; choisissez les zones "
        "dont parle votre tableau",
    "Layer:": "Couche :",
    "What the columns mean": "Le sens des colonnes",
    "The column that says where each row is: a P-code (official place code, like ML0701) or a place name":
        "La colonne qui dit où se trouve chaque ligne : un P-code (code officiel du lieu, comme ML0701) ou un "
        "nom de lieu",
    "Place column:": "Colonne du lieu :",
    "The first rows of your table, as Carto Desktop reads them":
        "Les premières lignes de votre tableau, telles que Carto Desktop les lit",
    "Detect automatically": "Détecter automatiquement",
    "Rows read: %1. The first ones are shown below.": "Lignes lues : %1. Les premières sont affichées ci-dessous.",
    "This table cannot be read: %1": "Ce tableau ne peut pas être lu : %1",
    "This sheet cannot be used: %1": "Cette feuille ne peut pas être utilisée : %1",
    "What Carto Desktop understood each column to be; choose the place column above and the value column in "
    "step 3 if it guessed wrong":
        "Ce que Carto Desktop a compris de chaque colonne ; choisissez la colonne du lieu ci-dessus et la colonne "
        "des valeurs à l'étape 3 s'il s'est trompé",
    "%1, admin level %2": "%1, niveau administratif %2",
    "Detected: %1": "Détecté : %1",
    "place name": "nom de lieu",
    "P-code (official place code)": "P-code (code officiel du lieu)",
    "latitude (GPS)": "latitude (GPS)",
    "longitude (GPS)": "longitude (GPS)",
    "GPS point": "point GPS",
    "number": "nombre",
    "date": "date",
    "identifier": "identifiant",
    "multiple choice": "choix multiple",
    # data_step.py: what each column holds, personal data
    "Carto Desktop guessed what each column holds. If a guess is wrong, choose what the column really holds.":
        "Carto Desktop a deviné ce que contient chaque colonne. Si une supposition est fausse, choisissez ce que "
        "la colonne contient vraiment.",
    "Column": "Colonne",
    "What it holds": "Ce qu'elle contient",
    "What Carto Desktop understood each column to be; your choices are in bold and are kept with the project":
        "Ce que Carto Desktop a compris de chaque colonne ; vos choix sont en gras et gardés avec le projet",
    "Admin area name": "Nom de zone admin.",
    "P-code": "P-code",
    "%1 (level %2)": "%1 (niveau %2)",
    "Latitude": "Latitude",
    "Longitude": "Longitude",
    "GPS point (Kobo/ODK)": "Point GPS (Kobo/ODK)",
    "Number": "Nombre",
    "Date": "Date",
    "Identifier": "Identifiant",
    "Multiple choice (0/1)": "Choix multiple (0/1)",
    "Form information": "Informations du formulaire",
    "Text": "Texte",
    "Empty": "Vide",
    "Ignore": "Ignorer",
    "The name of an administrative area. Level 1 is the largest division of the country (region, province), "
    "level 2 the next one (cercle, département), level 3 the next (commune)…":
        "Le nom d'une zone administrative. Le niveau 1 est la plus grande division du pays (région, province), "
        "le niveau 2 la suivante (cercle, département), le niveau 3 la suivante (commune)…",
    "An official place code (P-code) such as ML0701: the country's letters, then more digits for smaller areas. "
    "The surest way to put a row on the map.":
        "Un code officiel de lieu (P-code) comme ML0701 : les lettres du pays, puis plus de chiffres pour les "
        "zones plus petites. Le moyen le plus sûr de placer une ligne sur la carte.",
    "How far north or south a GPS point is, in degrees (about 10 to 25 in Mali)":
        "La position nord-sud d'un point GPS, en degrés (de 10 à 25 environ au Mali)",
    "How far east or west a GPS point is, in degrees (about -12 to 4 in Mali)":
        "La position est-ouest d'un point GPS, en degrés (de -12 à 4 environ au Mali)",
    "Latitude, longitude, altitude and accuracy in one cell, as KoboToolbox and ODK write a GPS point":
        "Latitude, longitude, altitude et précision dans une seule cellule, comme KoboToolbox et ODK écrivent un "
        "point GPS",
    "A figure that can be added up or averaged (people reached, amounts)":
        "Un chiffre que l'on peut additionner ou dont on peut faire la moyenne (personnes atteintes, montants)",
    "A day, or a day and a time": "Un jour, ou un jour et une heure",
    "A code for each row (form number, site ID): not a place, not a figure to add up":
        "Un code pour chaque ligne (numéro de fiche, identifiant de site) : ni un lieu, ni un chiffre à additionner",
    "The 0/1 columns a multiple-choice question makes in a Kobo or ODK export, one per answer":
        "Les colonnes 0/1 qu'une question à choix multiple crée dans un export Kobo ou ODK, une par réponse",
    "What the survey tool adds itself: start and end time, device, submission ID":
        "Ce que l'outil d'enquête ajoute lui-même : heure de début et de fin, appareil, identifiant de soumission",
    "Words with no special meaning for the map (organisation, sector, remarks)":
        "Des mots sans sens particulier pour la carte (organisation, secteur, remarques)",
    "The column has no values": "La colonne n'a pas de valeurs",
    "Carto Desktop leaves this column out: it is never used to find places or to make the map":
        "Carto Desktop laisse cette colonne de côté : elle ne sert jamais à trouver les lieux ni à faire la carte",
    "Personal data": "Données personnelles",
    "Columns that could identify a person: names, phone numbers, ID numbers, GPS points of homes…":
        "Les colonnes qui pourraient identifier une personne : noms, numéros de téléphone, numéros d'identité, "
        "points GPS des domiciles…",
    "Keep out": "Écarter",
    "Why it looks personal": "Pourquoi elle semble personnelle",
    "Ticked: personal, kept out of the map. Untick a column only if it holds nothing personal.":
        "Cochée : personnelle, écartée de la carte. Ne décochez une colonne que si elle ne contient rien de "
        "personnel.",
    "Ticked: kept out of the map. Untick only if this column holds nothing personal.":
        "Cochée : écartée de la carte. Ne décochez que si cette colonne ne contient rien de personnel.",
    "GPS points count as personal only when each row is a person or a household: then a point shows where they "
    "live":
        "Les points GPS ne sont personnels que si chaque ligne est une personne ou un ménage : un point montre "
        "alors où ils vivent",
    "A column Carto Desktop did not flag but that identifies people (a nickname, a description…)":
        "Une colonne que Carto Desktop n'a pas signalée mais qui identifie des personnes (un surnom, une "
        "description…)",
    "These columns look like personal data. Ticked columns are kept out of the map; untick one only if it holds "
    "nothing personal.":
        "Ces colonnes semblent contenir des données personnelles. Les colonnes cochées sont écartées de la carte ; "
        "n'en décochez une que si elle ne contient rien de personnel.",
    "No column looks like personal data (names, phone numbers, ID numbers, GPS points of homes…).":
        "Aucune colonne ne semble contenir de données personnelles (noms, numéros de téléphone, numéros "
        "d'identité, points GPS des domiciles…).",
    "For example: %1": "Par exemple : %1",
    "Mark another column as personal…": "Indiquer une autre colonne comme personnelle…",
    # match_step.py
    "Each row of your table must be linked to one area of the map. Rows linked automatically are counted as "
    "matched; check the unsure ones below.":
        "Chaque ligne de votre tableau doit être reliée à une zone de la carte. Les lignes reliées "
        "automatiquement sont comptées comme appariées ; vérifiez ci-dessous celles qui sont incertaines.",
    "Matched on column:": "Apparié sur la colonne :",
    "Column used:": "Colonne utilisée :",
    "Matched rows:": "Lignes appariées :",
    "Rows to review:": "Lignes à vérifier :",
    "Unmatched rows:": "Lignes non appariées :",
    "Your decisions:": "Vos décisions :",
    "Your table": "Votre tableau",
    "Rows": "Lignes",
    "Why unsure": "Pourquoi incertain",
    "Area": "Zone",
    "Search the names to review…": "Rechercher parmi les noms à vérifier…",
    "Show only the lines whose name, or a suggested area, contains this text":
        "N'afficher que les lignes dont le nom, ou une zone suggérée, contient ce texte",
    "Suggestion": "Proposition",
    "None": "Aucune",
    "Select a line to read why it is unsure and see its best suggestion outlined on the map.":
        "Sélectionnez une ligne pour lire pourquoi elle est incertaine et voir sa meilleure suggestion "
        "entourée sur la carte.",
    "“%1” (rows: %2) — %3": "« %1 » (lignes : %2) — %3",
    "Suggestions: %1.": "Propositions : %1.",
    "Put these rows in %1, the best suggestion": "Placer ces lignes dans %1, la meilleure proposition",
    "No suggestion: pick an area in the list": "Aucune suggestion : choisissez une zone dans la liste",
    "%1 of %2 lines shown": "%1 lignes affichées sur %2",
    "Pick the right area for each place name Carto Desktop was not sure about; leave it empty to keep those rows "
    "off the map":
        "Choisissez la bonne zone pour chaque nom de lieu dont Carto Desktop n'était pas sûr ; laissez vide pour "
        "garder ces lignes hors de la carte",
    "Forget my decisions": "Oublier mes décisions",
    "GeoNames (built in)": "GeoNames (intégrée)",
    "My list…": "Ma liste…",
    "My list: %1": "Ma liste : %1",
    "Names that are not admin areas are looked up in a list of places, then put in the area that contains them":
        "Les noms qui ne sont pas des zones administratives sont cherchés dans une liste de lieux, puis placés "
        "dans la zone qui les contient",
    "Places (villages, towns):": "Lieux (villages, villes) :",
    "Choose a list of places": "Choisir une liste de lieux",
    "Lists of places: name, lat, lon (*.csv *.txt *.tsv)": "Listes de lieux : nom, lat, lon (*.csv *.txt *.tsv)",
    "Go back to the automatic matching for every row": "Revenir à l'appariement automatique pour toutes les lignes",
    "(empty)": "(vide)",
    "Choose…": "Choisir…",
    "★ = suggested by Carto Desktop, with how alike the names are (100 % = the same)":
        "★ = suggéré par Carto Desktop, avec la ressemblance des noms (100 % = identiques)",
    # style_step.py: a map of the one region with data (framing.py)
    "Whole country": "Pays entier",
    "Show every region of the boundaries. Unticked, a table whose data all lie in one region is mapped on that region only, and the map says so.":
        "Montrer toutes les régions des limites. Décoché, un tableau dont toutes les données sont dans une même "
        "région est cartographié sur cette seule région, et la carte le dit.",
    # style_step.py
    "Kind of map": "Type de carte",
    "A template sets the page, colours and what is drawn; you can change the details below":
        "Un modèle fixe la page, les couleurs et ce qui est dessiné ; vous pouvez changer les détails ci-dessous",
    "Template:": "Modèle :",
    "What the colours show": "Ce que montrent les couleurs",
    "Number of rows": "Nombre de lignes",
    "Number of different values": "Nombre de valeurs différentes",
    "Sum of a column": "Somme d'une colonne",
    "Average of a column": "Moyenne d'une colonne",
    "How the rows of each area are combined into one number":
        "Comment les lignes de chaque zone sont combinées en un seul nombre",
    "Count or add up:": "Compter ou additionner :",
    "The column whose values are counted, added up or averaged":
        "La colonne dont les valeurs sont comptées, additionnées ou moyennées",
    "Column:": "Colonne :",
    "No column of this table holds numbers to add up: codes, identifiers, coordinates and dates are never added up. "
    "Choose the column in \"Column:\", or mark it as \"Number\" in the Data step.":
        "Aucune colonne de ce tableau ne contient de nombres à additionner : les codes, identifiants, coordonnées "
        "et dates ne sont jamais additionnés. Choisissez la colonne dans « Colonne : », ou indiquez « Nombre » "
        "pour elle à l'étape Données.",
    "(none: count rows)": "(aucune : compter les lignes)",
    "The column that puts rows into groups, for example the sector or cluster; each group gets its own small map "
    "or colour":
        "La colonne qui range les lignes en groupes, par exemple le secteur ou le cluster ; chaque groupe a sa "
        "propre petite carte ou couleur",
    "Groups (sector):": "Groupes (secteur) :",
    "Latitude and longitude: the GPS position of each site, in degrees":
        "Latitude et longitude : la position GPS de chaque site, en degrés",
    "Latitude column:": "Colonne de latitude :",
    "Longitude column:": "Colonne de longitude :",
    "Colours": "Couleurs",
    "As the template says": "Comme le prévoit le modèle",
    "Same number of areas in each class (quantiles)": "Autant de zones dans chaque classe (quantiles)",
    "Classes of equal width (equal intervals)": "Classes de même largeur (intervalles égaux)",
    "Natural groups in the data (natural breaks)": "Groupes naturels des données (seuils naturels)",
    "Classification: how the numbers are cut into a few colour classes":
        "Classification : comment les nombres sont répartis en quelques classes de couleur",
    "Grouping:": "Découpage :",
    "How many colours the legend has (3 to 7 read best)":
        "Combien de couleurs compte la légende (de 3 à 7, c'est le plus lisible)",
    "Number of classes:": "Nombre de classes :",
    "Yellow to red": "Du jaune au rouge",
    "Orange to dark red": "De l'orange au rouge foncé",
    "Reds": "Rouges",
    "Blues": "Bleus",
    "Greens": "Verts",
    "Purples": "Violets",
    "Yellow to blue": "Du jaune au bleu",
    "Greys (for black and white printing)": "Gris (pour l'impression en noir et blanc)",
    "Palette: the range of colours, light for low values, dark for high values":
        "Palette : la gamme de couleurs, claires pour les petites valeurs, foncées pour les grandes",
    "Palette:": "Palette :",
    "Texts": "Textes",
    "Automatic title": "Titre automatique",
    "Automatic subtitle": "Sous-titre automatique",
    "Automatic legend heading": "Titre de légende automatique",
    "The legend is the box that explains the colours": "La légende est le cadre qui explique les couleurs",
    "Title:": "Titre :",
    "Subtitle:": "Sous-titre :",
    "Legend heading:": "Titre de la légende :",
    "Choose logo…": "Choisir le logo…",
    "One map per region (atlas)": "Une carte par région (atlas)",
    "The same map once for each region, with the same colours: one PDF page per region, or one image per region":
        "La même carte pour chaque région, avec les mêmes couleurs : une page PDF par région, ou une image par région",
    "Your organisation's logo (a PNG image), shown at the top right of the map":
        "Le logo de votre organisation (une image PNG), affiché en haut à droite de la carte",
    "No logo": "Sans logo",
    "Logo:": "Logo :",
    "Choose logo": "Choisir le logo",
    "PNG images (*.png)": "Images PNG (*.png)",
    "English": "Anglais",
    "French": "Français",
    "The language of the texts on the map itself": "La langue des textes sur la carte elle-même",
    "Map language:": "Langue de la carte :",
    "area": "zone",
    "hexagon grid": "grille d'hexagones",
    "The rows of this table are people or households, so their GPS points are not drawn one by one: a dot can "
    "show where a family lives. They are counted per area, or per hexagon of a grid of equal cells, and small "
    "counts are shown as \"fewer than 5\".":
        "Les lignes de ce tableau sont des personnes ou des ménages : leurs points GPS ne sont pas dessinés un par "
        "un, car un point peut montrer où vit une famille. Ils sont comptés par zone, ou par hexagone d'une grille "
        "de cellules égales, et les petits effectifs sont affichés comme « moins de 5 ».",
    "Count people per:": "Compter les personnes par :",
    "Automatic": "Automatique",
    " km": " km",
    "The width of one hexagon, in kilometres. Larger hexagons protect people better; \"Automatic\" gives about "
    "30 across the points.":
        "La largeur d'un hexagone, en kilomètres. De plus grands hexagones protègent mieux les personnes ; "
        "« Automatique » en donne environ 30 sur l'étendue des points.",
    "Hexagon size:": "Taille des hexagones :",
    # export_step.py
    "About this map:": "À savoir sur cette carte :",
    "PNG image": "Image PNG",
    "A picture for reports, e-mail and WhatsApp": "Une image pour les rapports, le courriel et WhatsApp",
    "PDF document": "Document PDF",
    "Best for printing: sharp at any size": "Idéal pour l'impression : net à toutes les tailles",
    "SVG drawing": "Dessin SVG",
    "Interactive map (HTML)": "Carte interactive (HTML)",
    "One file that opens in any web browser, even without internet: zoom, search an area, see each area's figures "
    "on hover":
        "Un seul fichier qui s'ouvre dans tout navigateur web, même sans internet : zoomer, chercher une zone, voir "
        "les chiffres de chaque zone au survol",
    "For graphic designers: every line can be edited": "Pour les graphistes : chaque trait est modifiable",
    "Formats:": "Formats :",
    "The paper size the map is laid out for": "Le format de papier pour lequel la carte est mise en page",
    "Page size:": "Format de page :",
    "A4 landscape": "A4 paysage",
    "A4 portrait": "A4 portrait",
    "A3 landscape": "A3 paysage",
    "A3 portrait": "A3 portrait",
    "Letter landscape": "Lettre US paysage",
    "Letter portrait": "Lettre US portrait",
    "Square picture, 1080 × 1080 pixels": "Image carrée, 1080 × 1080 pixels",
    "Wide picture, 1200 × 675 pixels": "Image large, 1200 × 675 pixels",
    "Phone story, 1080 × 1920 pixels": "Story pour téléphone, 1080 × 1920 pixels",
    "Dots per inch: 150 for screens, 300 for print": "Points par pouce : 150 pour l'écran, 300 pour l'impression",
    "Resolution:": "Résolution :",
    "The folder and file name; the extension is added for each format":
        "Le dossier et le nom du fichier ; l'extension est ajoutée pour chaque format",
    "Browse…": "Parcourir…",
    "Save as:": "Enregistrer sous :",
    "Export map": "Exporter la carte",
    "Cancel": "Annuler",
    "Open folder": "Ouvrir le dossier",
    "Show the exported files in your file manager": "Afficher les fichiers exportés dans votre gestionnaire de fichiers",
    # style_step.py: the small-count threshold (issue 14)
    "Off: every figure shown": "Désactivé : tous les chiffres affichés",
    "Under 3": "Moins de 3",
    "Under 5": "Moins de 5",
    "Under 10": "Moins de 10",
    "Under %1": "Moins de %1",
    "Small counts of people can single someone out: they are shown as \"fewer than N\" instead of the figure":
        "Un petit effectif de personnes peut permettre de reconnaître quelqu'un : il est affiché « moins de N » "
        "au lieu du chiffre",
    "Hide small counts:": "Masquer les petits effectifs :",
    "Areas with fewer people than this show \"fewer than N\" instead of the figure. Only counts of people are "
    "hidden, never organisations, activities or sites.":
        "Les zones comptant moins de personnes que ce seuil affichent « moins de N » au lieu du chiffre. Seuls les "
        "effectifs de personnes sont masqués, jamais les organisations, les activités ou les sites.",
    # style_step.py: the source of the data (issue 14)
    "Source:": "Source des données :",
    "Who collected or published the data": "Qui a collecté ou publié les données",
    "Your words for the data's source, printed in the map's sources line, for example \"OCHA Mali, 3W, December "
    "2023\"":
        "Vos mots pour la source des données, imprimés dans la ligne des sources de la carte, par exemple "
        "« OCHA Mali, 3W, décembre 2023 »",
    "No source is given for the data: the map says \"source not given\". Type where the data come from.":
        "Aucune source n'est indiquée pour les données : la carte affiche « source non indiquée ». Indiquez d'où "
        "viennent les données.",
    "From credits.json: %1": "Selon credits.json : %1",
    # export_step.py: the map's data (issue 14)
    "Export the map's data…": "Exporter les données de la carte…",
    "A table with one row per area: its figure, the rows behind it, what the map shows, its class and colour; for "
    "Excel (CSV) or QGIS (GeoPackage, GeoJSON)":
        "Un tableau avec une ligne par zone : son chiffre, les lignes qui le font, ce que la carte montre, sa classe "
        "et sa couleur ; pour Excel (CSV) ou QGIS (GeoPackage, GeoJSON)",
    "CSV table (*.csv)": "Tableau CSV (*.csv)",
    "GeoPackage (*.gpkg)": "GeoPackage (*.gpkg)",
    "GeoJSON (*.geojson)": "GeoJSON (*.geojson)",
    "Export the map's data": "Exporter les données de la carte",
    "Writing the map's data…": "Écriture des données de la carte…",
    "Map data saved: %1": "Données de la carte enregistrées : %1",
    "The map's data was not written.": "Les données de la carte n'ont pas été écrites.",
    # export_step.py: the "before you share" check
    "Before you share": "Avant de partager",
    "What this map could reveal about the people in your table":
        "Ce que cette carte pourrait révéler sur les personnes de votre tableau",
    "The check appears here once the map is made.": "La vérification s'affiche ici une fois la carte faite.",
    "Save this check beside the map": "Enregistrer ce résumé à côté de la carte",
    "A one-page text file to keep with the map, its name ending in .check.md: it names the columns and "
    "counts checked, never their values":
        "Un fichier texte d'une page à garder avec la carte, dont le nom finit par .check.md : il nomme les "
        "colonnes et les effectifs vérifiés, jamais leurs valeurs",
    "The check could not be made: %1": "La vérification n'a pas pu être faite : %1",
    "Personal values or folder paths were found in the exported files: see \u201c%1\u201d below.":
        "Des valeurs personnelles ou des chemins de dossiers ont été trouvés dans les fichiers exportés : "
        "voir « %1 » ci-dessous.",
    "No personal value and no folder path was found in the exported files.":
        "Aucune valeur personnelle et aucun chemin de dossier n'a été trouvé dans les fichiers exportés.",
}


NBSP, NNBSP = "\u00a0", "\u202f"


def french_typography(text: str) -> str:
    """French spacing that never breaks a line: a no-break space before ":", a narrow one before ; ! ? and
    inside « »; a space added where the English habit left none ("Conseil:" → "Conseil :"). Placeholders,
    URLs and times ("10:30") are left alone."""
    if "://" in text:
        return text
    text = re.sub(r"[ \u00a0\u202f]*:(?=\s|$)", NBSP + ":", text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*([;!?])(?=\s|$|\))", NNBSP + r"\1", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NNBSP, text)
    text = re.sub(r"[ \u00a0\u202f]*»", NNBSP + "»", text)
    return text


def main(ts_path: str = "ui/carto_desktop_fr.ts") -> int:
    path = Path(ts_path)
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in FR:
            translation.text = french_typography(FR[source])
            translation.attrib.pop("type", None)
        elif translation.get("type") in {"unfinished", "vanished", "obsolete"} or not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no French yet: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
