<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>DataStep</name>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="175" />
        <source>Your files</source>
        <translation>Vos fichiers</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="177" />
        <source>Choose table…</source>
        <translation>Choisir le tableau…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="178" />
        <source>A spreadsheet (Excel, CSV) with one row per activity or place</source>
        <translation>Un tableur (Excel, CSV) avec une ligne par activité ou par lieu</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="180" />
        <source>No table chosen</source>
        <translation>Aucun tableau choisi</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="184" />
        <source>A workbook can hold several sheets (tabs); pick the one with your data</source>
        <translation>Un classeur peut contenir plusieurs feuilles (onglets) ; choisissez celle qui contient vos données</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="186" />
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="198" />
        <source>The outlines of the admin areas (regions, districts): GeoJSON, GeoPackage or shapefile</source>
        <translation>Les contours des zones administratives (régions, cercles) : GeoJSON, GeoPackage ou shapefile</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="189" />
        <source>No boundaries chosen</source>
        <translation>Aucune limite choisie</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="191" />
        <source>Boundaries:</source>
        <translation>Limites :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="194" />
        <source>Admin boundaries that come with Carto Desktop (OCHA COD-AB): nothing to download</source>
        <translation>Limites administratives fournies avec Carto Desktop (OCHA COD-AB) : rien à télécharger</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="197" />
        <source>Open my own file…</source>
        <translation>Ouvrir mon propre fichier…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="201" />
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="207" />
        <source>A GeoPackage can hold several layers (for example regions and districts); pick the areas your table talks about</source>
        <translation>Un GeoPackage peut contenir plusieurs couches (par exemple régions et cercles) ; choisissez les zones dont parle votre tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="210" />
        <source>Layer:</source>
        <translation>Couche :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="215" />
        <source>What the columns mean</source>
        <translation>Le sens des colonnes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="218" />
        <source>The column that says where each row is: a P-code (official place code, like ML0701) or a place name</source>
        <translation>La colonne qui dit où se trouve chaque ligne : un P-code (code officiel du lieu, comme ML0701) ou un nom de lieu</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="221" />
        <source>Place column:</source>
        <translation>Colonne du lieu :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="224" />
        <source>Carto Desktop guessed what each column holds. If a guess is wrong, choose what the column really holds.</source>
        <translation>Carto Desktop a deviné ce que contient chaque colonne. Si une supposition est fausse, choisissez ce que la colonne contient vraiment.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="229" />
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="229" />
        <source>What it holds</source>
        <translation>Ce qu'elle contient</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="233" />
        <source>What Carto Desktop understood each column to be; your choices are in bold and are kept with the project</source>
        <translation>Ce que Carto Desktop a compris de chaque colonne ; vos choix sont en gras et gardés avec le projet</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="253" />
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="254" />
        <source>Columns that could identify a person: names, phone numbers, ID numbers, GPS points of homes…</source>
        <translation>Les colonnes qui pourraient identifier une personne : noms, numéros de téléphone, numéros d'identité, points GPS des domiciles…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="261" />
        <source>Keep out</source>
        <translation>Écarter</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="261" />
        <source>Why it looks personal</source>
        <translation>Pourquoi elle semble personnelle</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="262" />
        <source>Ticked: personal, kept out of the map. Untick a column only if it holds nothing personal.</source>
        <translation>Cochée : personnelle, écartée de la carte. Ne décochez une colonne que si elle ne contient rien de personnel.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="278" />
        <source>GPS points count as personal only when each row is a person or a household: then a point shows where they live</source>
        <translation>Les points GPS ne sont personnels que si chaque ligne est une personne ou un ménage : un point montre alors où ils vivent</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="282" />
        <source>A column Carto Desktop did not flag but that identifies people (a nickname, a description…)</source>
        <translation>Une colonne que Carto Desktop n'a pas signalée mais qui identifie des personnes (un surnom, une description…)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="367" />
        <source>Admin area name</source>
        <translation>Nom de zone admin.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="367" />
        <source>P-code</source>
        <translation>P-code</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="368" />
        <source>%1 (level %2)</source>
        <translation>%1 (niveau %2)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="369" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="369" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="370" />
        <source>GPS point (Kobo/ODK)</source>
        <translation>Point GPS (Kobo/ODK)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="370" />
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="370" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="371" />
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="371" />
        <source>Multiple choice (0/1)</source>
        <translation>Choix multiple (0/1)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="372" />
        <source>Form information</source>
        <translation>Informations du formulaire</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="372" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="373" />
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="373" />
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="380" />
        <source>The name of an administrative area. Level 1 is the largest division of the country (region, province), level 2 the next one (cercle, département), level 3 the next (commune)…</source>
        <translation>Le nom d'une zone administrative. Le niveau 1 est la plus grande division du pays (région, province), le niveau 2 la suivante (cercle, département), le niveau 3 la suivante (commune)…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="383" />
        <source>An official place code (P-code) such as ML0701: the country's letters, then more digits for smaller areas. The surest way to put a row on the map.</source>
        <translation>Un code officiel de lieu (P-code) comme ML0701 : les lettres du pays, puis plus de chiffres pour les zones plus petites. Le moyen le plus sûr de placer une ligne sur la carte.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="385" />
        <source>How far north or south a GPS point is, in degrees (about 10 to 25 in Mali)</source>
        <translation>La position nord-sud d'un point GPS, en degrés (de 10 à 25 environ au Mali)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="386" />
        <source>How far east or west a GPS point is, in degrees (about -12 to 4 in Mali)</source>
        <translation>La position est-ouest d'un point GPS, en degrés (de -12 à 4 environ au Mali)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="387" />
        <source>Latitude, longitude, altitude and accuracy in one cell, as KoboToolbox and ODK write a GPS point</source>
        <translation>Latitude, longitude, altitude et précision dans une seule cellule, comme KoboToolbox et ODK écrivent un point GPS</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="389" />
        <source>A figure that can be added up or averaged (people reached, amounts)</source>
        <translation>Un chiffre que l'on peut additionner ou dont on peut faire la moyenne (personnes atteintes, montants)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="390" />
        <source>A day, or a day and a time</source>
        <translation>Un jour, ou un jour et une heure</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="391" />
        <source>A code for each row (form number, site ID): not a place, not a figure to add up</source>
        <translation>Un code pour chaque ligne (numéro de fiche, identifiant de site) : ni un lieu, ni un chiffre à additionner</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="392" />
        <source>The 0/1 columns a multiple-choice question makes in a Kobo or ODK export, one per answer</source>
        <translation>Les colonnes 0/1 qu'une question à choix multiple crée dans un export Kobo ou ODK, une par réponse</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="394" />
        <source>What the survey tool adds itself: start and end time, device, submission ID</source>
        <translation>Ce que l'outil d'enquête ajoute lui-même : heure de début et de fin, appareil, identifiant de soumission</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="395" />
        <source>Words with no special meaning for the map (organisation, sector, remarks)</source>
        <translation>Des mots sans sens particulier pour la carte (organisation, secteur, remarques)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="396" />
        <source>The column has no values</source>
        <translation>La colonne n'a pas de valeurs</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="397" />
        <source>Carto Desktop leaves this column out: it is never used to find places or to make the map</source>
        <translation>Carto Desktop laisse cette colonne de côté : elle ne sert jamais à trouver les lieux ni à faire la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="407" />
        <source>Detected: %1</source>
        <translation>Détecté : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="414" />
        <source>For example: %1</source>
        <translation>Par exemple : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="499" />
        <source>These columns look like personal data. Ticked columns are kept out of the map; untick one only if it holds nothing personal.</source>
        <translation>Ces colonnes semblent contenir des données personnelles. Les colonnes cochées sont écartées de la carte ; n'en décochez une que si elle ne contient rien de personnel.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="501" />
        <source>No column looks like personal data (names, phone numbers, ID numbers, GPS points of homes…).</source>
        <translation>Aucune colonne ne semble contenir de données personnelles (noms, numéros de téléphone, numéros d'identité, points GPS des domiciles…).</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="504" />
        <source>Mark another column as personal…</source>
        <translation>Indiquer une autre colonne comme personnelle…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="295" />
        <source>The first rows of your table, as Carto Desktop reads them</source>
        <translation>Les premières lignes de votre tableau, telles que Carto Desktop les lit</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="333" />
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="345" />
        <source>This sheet cannot be used: %1</source>
        <translation>Cette feuille ne peut pas être utilisée : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="349" />
        <source>Rows read: %1. The first ones are shown below.</source>
        <translation>Lignes lues : %1. Les premières sont affichées ci-dessous.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="567" />
        <source>This table cannot be read: %1</source>
        <translation>Ce tableau ne peut pas être lu : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="581" />
        <source>Built-in boundaries…</source>
        <translation>Limites intégrées…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="591" />
        <source>Choose built-in boundaries below, or open your own file.</source>
        <translation>Choisissez des limites intégrées ci-dessous, ou ouvrez votre propre fichier.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="592" />
        <source>Looking for the boundaries that fit the table…</source>
        <translation>Recherche des limites qui correspondent au tableau…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="626" />
        <source>Choose table</source>
        <translation>Choisir le tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="627" />
        <source>Tables (%1)</source>
        <translation>Tableaux (%1)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="632" />
        <source>Choose boundaries</source>
        <translation>Choisir les limites</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/data_step.py" line="633" />
        <source>Boundaries (%1)</source>
        <translation>Limites (%1)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../carto_desktop/gui/errors.py" line="19" />
        <source>Carto Desktop</source>
        <translation>Carto Desktop</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/errors.py" line="26" />
        <source>Something went wrong inside Carto Desktop. Your work is not lost; please report this with the details below.</source>
        <translation>Un problème interne est survenu dans Carto Desktop. Votre travail n'est pas perdu ; signalez-le avec les détails ci-dessous.</translation>
    </message>
</context>
<context>
    <name>ExportStep</name>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="41" />
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="41" />
        <source>A picture for reports, e-mail and WhatsApp</source>
        <translation>Une image pour les rapports, le courriel et WhatsApp</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="43" />
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="43" />
        <source>Best for printing: sharp at any size</source>
        <translation>Idéal pour l'impression : net à toutes les tailles</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="44" />
        <source>SVG drawing</source>
        <translation>Dessin SVG</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="44" />
        <source>For graphic designers: every line can be edited</source>
        <translation>Pour les graphistes : chaque trait est modifiable</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="46" />
        <source>Interactive map (HTML)</source>
        <translation>Carte interactive (HTML)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="47" />
        <source>One file that opens in any web browser, even without internet: zoom, search an area, see each area's figures on hover</source>
        <translation>Un seul fichier qui s'ouvre dans tout navigateur web, même sans internet : zoomer, chercher une zone, voir les chiffres de chaque zone au survol</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="55" />
        <source>Formats:</source>
        <translation>Formats :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="58" />
        <source>As the template says</source>
        <translation>Comme le prévoit le modèle</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="58" />
        <source>A4 landscape</source>
        <translation>A4 paysage</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="59" />
        <source>A4 portrait</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="59" />
        <source>A3 landscape</source>
        <translation>A3 paysage</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="60" />
        <source>A3 portrait</source>
        <translation>A3 portrait</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="60" />
        <source>Letter landscape</source>
        <translation>Lettre US paysage</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="61" />
        <source>Letter portrait</source>
        <translation>Lettre US portrait</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="62" />
        <source>Square picture, 1080 × 1080 pixels</source>
        <translation>Image carrée, 1080 × 1080 pixels</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="63" />
        <source>Wide picture, 1200 × 675 pixels</source>
        <translation>Image large, 1200 × 675 pixels</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="64" />
        <source>Phone story, 1080 × 1920 pixels</source>
        <translation>Story pour téléphone, 1080 × 1920 pixels</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="66" />
        <source>The paper size the map is laid out for</source>
        <translation>Le format de papier pour lequel la carte est mise en page</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="68" />
        <source>Page size:</source>
        <translation>Format de page :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="75" />
        <source>Dots per inch: 150 for screens, 300 for print</source>
        <translation>Points par pouce : 150 pour l'écran, 300 pour l'impression</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="76" />
        <source>Resolution:</source>
        <translation>Résolution :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="79" />
        <source>One map per region (atlas)</source>
        <translation>Une carte par région (atlas)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="80" />
        <source>The same map once for each region, with the same colours: one PDF page per region, or one image per region</source>
        <translation>La même carte pour chaque région, avec les mêmes couleurs : une page PDF par région, ou une image par région</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="85" />
        <source>The folder and file name; the extension is added for each format</source>
        <translation>Le dossier et le nom du fichier ; l'extension est ajoutée pour chaque format</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="86" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="90" />
        <source>Save as:</source>
        <translation>Enregistrer sous :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="109" />
        <location filename="../carto_desktop/gui/export_step.py" line="188" />
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="117" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="125" />
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="126" />
        <source>Show the exported files in your file manager</source>
        <translation>Afficher les fichiers exportés dans votre gestionnaire de fichiers</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="131" />
        <source>Export the map's data…</source>
        <translation>Exporter les données de la carte…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="132" />
        <source>A table with one row per area: its figure, the rows behind it, what the map shows, its class and colour; for Excel (CSV) or QGIS (GeoPackage, GeoJSON)</source>
        <translation>Un tableau avec une ligne par zone : son chiffre, les lignes qui le font, ce que la carte montre, sa classe et sa couleur ; pour Excel (CSV) ou QGIS (GeoPackage, GeoJSON)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="145" />
        <source>Before you share</source>
        <translation>Avant de partager</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="146" />
        <source>What this map could reveal about the people in your table</source>
        <translation>Ce que cette carte pourrait révéler sur les personnes de votre tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="148" />
        <location filename="../carto_desktop/gui/export_step.py" line="288" />
        <source>The check appears here once the map is made.</source>
        <translation>La vérification s'affiche ici une fois la carte faite.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="153" />
        <source>Save this check beside the map</source>
        <translation>Enregistrer ce résumé à côté de la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="154" />
        <source>A one-page text file to keep with the map, its name ending in .check.md: it names the columns and counts checked, never their values</source>
        <translation>Un fichier texte d'une page à garder avec la carte, dont le nom finit par .check.md : il nomme les colonnes et les effectifs vérifiés, jamais leurs valeurs</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="198" />
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="198" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="199" />
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="201" />
        <source>Export the map's data</source>
        <translation>Exporter les données de la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="211" />
        <source>Writing the map's data…</source>
        <translation>Écriture des données de la carte…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="227" />
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="264" />
        <source>About this map:</source>
        <translation>À savoir sur cette carte :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="291" />
        <source>The check could not be made: %1</source>
        <translation>La vérification n'a pas pu être faite : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="296" />
        <source>Personal values or folder paths were found in the exported files: see “%1” below.</source>
        <translation>Des valeurs personnelles ou des chemins de dossiers ont été trouvés dans les fichiers exportés : voir « %1 » ci-dessous.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/export_step.py" line="298" />
        <source>No personal value and no folder path was found in the exported files.</source>
        <translation>Aucune valeur personnelle et aucun chemin de dossier n'a été trouvé dans les fichiers exportés.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="96" />
        <location filename="../carto_desktop/gui/main_window.py" line="601" />
        <location filename="../carto_desktop/gui/main_window.py" line="624" />
        <location filename="../carto_desktop/gui/main_window.py" line="654" />
        <location filename="../carto_desktop/gui/main_window.py" line="716" />
        <source>Carto Desktop</source>
        <translation>Carto Desktop</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="20" />
        <source>1. Data</source>
        <translation>1. Données</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="20" />
        <source>2. Match</source>
        <translation>2. Appariement</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="21" />
        <source>3. Style</source>
        <translation>3. Style</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="21" />
        <source>4. Export</source>
        <translation>4. Export</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="178" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="316" />
        <source>Making the map…</source>
        <translation>Création de la carte…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="410" />
        <source>Map ready</source>
        <translation>Carte prête</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="440" />
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="452" />
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="454" />
        <source>Map exported</source>
        <translation>Carte exportée</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="216" />
        <source>Something needs your attention</source>
        <translation>Un point demande votre attention</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="22" />
        <source>Your table and boundary files (Ctrl+1)</source>
        <translation>Votre tableau et vos fichiers de limites (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="23" />
        <source>Link each row of the table to an area of the map (Ctrl+2)</source>
        <translation>Relier chaque ligne du tableau à une zone de la carte (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="24" />
        <source>Kind of map, colours and texts (Ctrl+3)</source>
        <translation>Type de carte, couleurs et textes (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="25" />
        <source>Save the map as an image or a PDF (Ctrl+4)</source>
        <translation>Enregistrer la carte en image ou en PDF (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="47" />
        <source>← Back</source>
        <translation>← Précédent</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="48" />
        <source>Next →</source>
        <translation>Suivant →</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="152" />
        <source>The map appears here and follows every change you make.</source>
        <translation>La carte s'affiche ici et suit chacune de vos modifications.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="153" />
        <source>Preview of the map page; the exported file is sharper</source>
        <translation>Aperçu de la page ; le fichier exporté est plus net</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="176" />
        <source>Rows of your table linked to an area, to check, and not found</source>
        <translation>Lignes de votre tableau reliées à une zone, à vérifier, et introuvables</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="60" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="61" />
        <source>&amp;New map from my files…</source>
        <translation>&amp;Nouvelle carte à partir de mes fichiers…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="63" />
        <source>Open &amp;sample project</source>
        <translation>Ouvrir le projet d'&amp;exemple</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="65" />
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="68" />
        <source>Open &amp;recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="70" />
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="72" />
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="76" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="79" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="80" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="82" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="85" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="91" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/navigation.py" line="92" />
        <source>&amp;User guide</source>
        <translation>&amp;Guide d'utilisation</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="201" />
        <source>The map was not exported.</source>
        <translation>La carte n'a pas été exportée.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="211" />
        <source>Export cancelled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="228" />
        <source>Opening the sample project…</source>
        <translation>Ouverture du projet d'exemple…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="314" />
        <source>Looking for the boundaries that fit the table…</source>
        <translation>Recherche des limites qui correspondent au tableau…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="365" />
        <source>Choose the boundaries: built in, or your own file.</source>
        <translation>Choisissez les limites : intégrées, ou votre propre fichier.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="378" />
        <source>map</source>
        <translation>carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="395" />
        <source>Notes on this map: %1</source>
        <translation>Remarques sur cette carte : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="404" />
        <source>Matched: %1 · to review: %2 · not found: %3</source>
        <translation>Appariées : %1 · à vérifier : %2 · introuvables : %3</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="426" />
        <source>unsure</source>
        <translation>incertain</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="426" />
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="466" />
        <source>Map data saved: %1</source>
        <translation>Données de la carte enregistrées : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="471" />
        <source>The map's data was not written.</source>
        <translation>Les données de la carte n'ont pas été écrites.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="506" />
        <source>Now choose the table.</source>
        <translation>Choisissez maintenant le tableau.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="511" />
        <source>Choose table</source>
        <translation>Choisir le tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="512" />
        <source>Tables (%1)</source>
        <translation>Tableaux (%1)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="548" />
        <source>Carto Desktop does not know what to do with %1</source>
        <translation>Carto Desktop ne sait pas quoi faire de %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="563" />
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="564" />
        <location filename="../carto_desktop/gui/main_window.py" line="589" />
        <source>Carto Desktop projects (*%1)</source>
        <translation>Projets Carto Desktop (*%1)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="584" />
        <source>Project saved: %1</source>
        <translation>Projet enregistré : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="588" />
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="594" />
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="602" />
        <source>This project uses files outside its folder:
%1

Open them?</source>
        <translation>Ce projet utilise des fichiers situés hors de son dossier :
%1

Les ouvrir ?</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="618" />
        <source>These input files were not found: %1. Choose them again in step 1.</source>
        <translation>Ces fichiers d'entrée sont introuvables : %1. Choisissez-les de nouveau à l'étape 1.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="621" />
        <source>These input files have changed since the project was saved: %1. The map uses their new content.</source>
        <translation>Ces fichiers d'entrée ont changé depuis l'enregistrement du projet : %1. La carte utilise leur nouveau contenu.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="655" />
        <source>Carto Desktop was closed before your last changes were saved. Do you want to recover them?</source>
        <translation>Carto Desktop a été fermé avant l'enregistrement de vos dernières modifications. Voulez-vous les récupérer ?</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="660" />
        <source>Recover my work</source>
        <translation>Récupérer mon travail</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="661" />
        <source>Start afresh</source>
        <translation>Repartir de zéro</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="715" />
        <source>Untitled map</source>
        <translation>Carte sans titre</translation>
    </message>
</context>
<context>
    <name>MatchStep</name>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="57" />
        <source>Each row of your table must be linked to one area of the map. Rows linked automatically are counted as matched; check the unsure ones below.</source>
        <translation>Chaque ligne de votre tableau doit être reliée à une zone de la carte. Les lignes reliées automatiquement sont comptées comme appariées ; vérifiez ci-dessous celles qui sont incertaines.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="63" />
        <source>The column that says where each row is: a P-code (official place code, like ML0701) or a place name</source>
        <translation>La colonne qui dit où se trouve chaque ligne : un P-code (code officiel du lieu, comme ML0701) ou un nom de lieu</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="66" />
        <source>Matched on column:</source>
        <translation>Apparié sur la colonne :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="70" />
        <source>Column used:</source>
        <translation>Colonne utilisée :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="72" />
        <source>GeoNames (built in)</source>
        <translation>GeoNames (intégrée)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="74" />
        <location filename="../carto_desktop/gui/match_step.py" line="157" />
        <source>My list…</source>
        <translation>Ma liste…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="75" />
        <source>Names that are not admin areas are looked up in a list of places, then put in the area that contains them</source>
        <translation>Les noms qui ne sont pas des zones administratives sont cherchés dans une liste de lieux, puis placés dans la zone qui les contient</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="78" />
        <source>Places (villages, towns):</source>
        <translation>Lieux (villages, villes) :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="85" />
        <source>Matched rows:</source>
        <translation>Lignes appariées :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="86" />
        <source>Rows to review:</source>
        <translation>Lignes à vérifier :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="87" />
        <source>Unmatched rows:</source>
        <translation>Lignes non appariées :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="88" />
        <source>Your decisions:</source>
        <translation>Vos décisions :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="97" />
        <source>Search the names to review…</source>
        <translation>Rechercher parmi les noms à vérifier…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="98" />
        <source>Show only the lines whose name, or a suggested area, contains this text</source>
        <translation>N'afficher que les lignes dont le nom, ou une zone suggérée, contient ce texte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="105" />
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="105" />
        <source>Your table</source>
        <translation>Votre tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="105" />
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="105" />
        <source>Suggestion</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="156" />
        <source>My list: %1</source>
        <translation>Ma liste : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="165" />
        <source>Choose a list of places</source>
        <translation>Choisir une liste de lieux</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="166" />
        <source>Lists of places: name, lat, lon (*.csv *.txt *.tsv)</source>
        <translation>Listes de lieux : nom, lat, lon (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="223" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="244" />
        <source>Put these rows in %1, the best suggestion</source>
        <translation>Placer ces lignes dans %1, la meilleure proposition</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="73" />
        <location filename="../carto_desktop/gui/match_step.py" line="248" />
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="250" />
        <source>No suggestion: pick an area in the list</source>
        <translation>Aucune suggestion : choisissez une zone dans la liste</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="295" />
        <source>Select a line to read why it is unsure and see its best suggestion outlined on the map.</source>
        <translation>Sélectionnez une ligne pour lire pourquoi elle est incertaine et voir sa meilleure suggestion entourée sur la carte.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="298" />
        <source>“%1” (rows: %2) — %3</source>
        <translation>« %1 » (lignes : %2) — %3</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="302" />
        <source>Suggestions: %1.</source>
        <translation>Propositions : %1.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="317" />
        <source>%1 of %2 lines shown</source>
        <translation>%1 lignes affichées sur %2</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="105" />
        <source>Why unsure</source>
        <translation>Pourquoi incertain</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="106" />
        <source>Pick the right area for each place name Carto Desktop was not sure about; leave it empty to keep those rows off the map</source>
        <translation>Choisissez la bonne zone pour chaque nom de lieu dont Carto Desktop n'était pas sûr ; laissez vide pour garder ces lignes hors de la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="126" />
        <source>Forget my decisions</source>
        <translation>Oublier mes décisions</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="127" />
        <source>Go back to the automatic matching for every row</source>
        <translation>Revenir à l'appariement automatique pour toutes les lignes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="139" />
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="202" />
        <location filename="../carto_desktop/gui/match_step.py" line="298" />
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/match_step.py" line="219" />
        <source>★ = suggested by Carto Desktop, with how alike the names are (100 % = the same)</source>
        <translation>★ = suggéré par Carto Desktop, avec la ressemblance des noms (100 % = identiques)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="18" />
        <source>Make a map from your spreadsheet in four steps</source>
        <translation>Faites une carte à partir de votre tableur en quatre étapes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="22" />
        <source>You need a table (Excel or CSV) with one row per place or activity, and the boundaries of the areas (regions, districts). Carto Desktop works without internet.</source>
        <translation>Il vous faut un tableau (Excel ou CSV) avec une ligne par lieu ou par activité, et les limites des zones (régions, cercles). Carto Desktop fonctionne sans internet.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="28" />
        <source>Open sample project</source>
        <translation>Ouvrir le projet d'exemple</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="29" />
        <source>Mali: where humanitarian partners work (OCHA 3W, December 2023)</source>
        <translation>Mali : où travaillent les partenaires humanitaires (3W OCHA, décembre 2023)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="30" />
        <source>New map from my files…</source>
        <translation>Nouvelle carte à partir de mes fichiers…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="31" />
        <source>Choose your table, then the boundary file</source>
        <translation>Choisissez votre tableau, puis le fichier de limites</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="32" />
        <source>Open project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="33" />
        <source>A .cartoproj file saved earlier</source>
        <translation>Un fichier .cartoproj enregistré auparavant</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="38" />
        <source>Recent projects:</source>
        <translation>Projets récents :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="41" />
        <source>Double-click or press Enter to open</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="45" />
        <source>No recent project yet.</source>
        <translation>Pas encore de projet récent.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/start_page.py" line="49" />
        <source>Tip: you can also drop a table, a boundary file or a project anywhere in this window.</source>
        <translation>Astuce : vous pouvez aussi déposer un tableau, un fichier de limites ou un projet n'importe où dans cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>StyleStep</name>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="69" />
        <source>Kind of map</source>
        <translation>Type de carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="73" />
        <source>A template sets the page, colours and what is drawn; you can change the details below</source>
        <translation>Un modèle fixe la page, les couleurs et ce qui est dessiné ; vous pouvez changer les détails ci-dessous</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="77" />
        <source>Template:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="78" />
        <source>Whole country</source>
        <translation>Pays entier</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="80" />
        <source>Show every region of the boundaries. Unticked, a table whose data all lie in one region is mapped on that region only, and the map says so.</source>
        <translation>Montrer toutes les régions des limites. Décoché, un tableau dont toutes les données sont dans une même région est cartographié sur cette seule région, et la carte le dit.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="87" />
        <source>What the colours show</source>
        <translation>Ce que montrent les couleurs</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="90" />
        <source>Number of rows</source>
        <translation>Nombre de lignes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="90" />
        <source>Number of different values</source>
        <translation>Nombre de valeurs différentes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="91" />
        <source>Sum of a column</source>
        <translation>Somme d'une colonne</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="91" />
        <source>Average of a column</source>
        <translation>Moyenne d'une colonne</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="93" />
        <source>How the rows of each area are combined into one number</source>
        <translation>Comment les lignes de chaque zone sont combinées en un seul nombre</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="95" />
        <source>Count or add up:</source>
        <translation>Compter ou additionner :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="97" />
        <source>The column whose values are counted, added up or averaged</source>
        <translation>La colonne dont les valeurs sont comptées, additionnées ou moyennées</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="99" />
        <source>Column:</source>
        <translation>Colonne :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="101" />
        <source>No column of this table holds numbers to add up: codes, identifiers, coordinates and dates are never added up. Choose the column in "Column:", or mark it as "Number" in the Data step.</source>
        <translation>Aucune colonne de ce tableau ne contient de nombres à additionner : les codes, identifiants, coordonnées et dates ne sont jamais additionnés. Choisissez la colonne dans « Colonne : », ou indiquez « Nombre » pour elle à l'étape Données.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="109" />
        <source>The column that puts rows into groups, for example the sector or cluster; each group gets its own small map or colour</source>
        <translation>La colonne qui range les lignes en groupes, par exemple le secteur ou le cluster ; chaque groupe a sa propre petite carte ou couleur</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="113" />
        <source>Groups (sector):</source>
        <translation>Groupes (secteur) :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="118" />
        <source>Latitude and longitude: the GPS position of each site, in degrees</source>
        <translation>Latitude et longitude : la position GPS de chaque site, en degrés</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="121" />
        <source>Latitude column:</source>
        <translation>Colonne de latitude :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="122" />
        <source>Longitude column:</source>
        <translation>Colonne de longitude :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="126" />
        <source>area</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="127" />
        <source>hexagon grid</source>
        <translation>grille d'hexagones</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="129" />
        <source>The rows of this table are people or households, so their GPS points are not drawn one by one: a dot can show where a family lives. They are counted per area, or per hexagon of a grid of equal cells, and small counts are shown as "fewer than 5".</source>
        <translation>Les lignes de ce tableau sont des personnes ou des ménages : leurs points GPS ne sont pas dessinés un par un, car un point peut montrer où vit une famille. Ils sont comptés par zone, ou par hexagone d'une grille de cellules égales, et les petits effectifs sont affichés comme « moins de 5 ».</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="134" />
        <source>Count people per:</source>
        <translation>Compter les personnes par :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="138" />
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="139" />
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="141" />
        <source>The width of one hexagon, in kilometres. Larger hexagons protect people better; "Automatic" gives about 30 across the points.</source>
        <translation>La largeur d'un hexagone, en kilomètres. De plus grands hexagones protègent mieux les personnes ; « Automatique » en donne environ 30 sur l'étendue des points.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="144" />
        <source>Hexagon size:</source>
        <translation>Taille des hexagones :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="147" />
        <source>Off: every figure shown</source>
        <translation>Désactivé : tous les chiffres affichés</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="147" />
        <source>Under 3</source>
        <translation>Moins de 3</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="148" />
        <source>Under 5</source>
        <translation>Moins de 5</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="148" />
        <source>Under 10</source>
        <translation>Moins de 10</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="150" />
        <source>Small counts of people can single someone out: they are shown as "fewer than N" instead of the figure</source>
        <translation>Un petit effectif de personnes peut permettre de reconnaître quelqu'un : il est affiché « moins de N » au lieu du chiffre</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="154" />
        <source>Hide small counts:</source>
        <translation>Masquer les petits effectifs :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="155" />
        <source>Areas with fewer people than this show "fewer than N" instead of the figure. Only counts of people are hidden, never organisations, activities or sites.</source>
        <translation>Les zones comptant moins de personnes que ce seuil affichent « moins de N » au lieu du chiffre. Seuls les effectifs de personnes sont masqués, jamais les organisations, les activités ou les sites.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="169" />
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="172" />
        <location filename="../carto_desktop/gui/style_step.py" line="183" />
        <location filename="../carto_desktop/gui/style_step.py" line="190" />
        <location filename="../carto_desktop/gui/style_step.py" line="248" />
        <location filename="../carto_desktop/gui/style_step.py" line="371" />
        <source>As the template says</source>
        <translation>Comme le prévoit le modèle</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="173" />
        <source>Same number of areas in each class (quantiles)</source>
        <translation>Autant de zones dans chaque classe (quantiles)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="174" />
        <source>Classes of equal width (equal intervals)</source>
        <translation>Classes de même largeur (intervalles égaux)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="175" />
        <source>Natural groups in the data (natural breaks)</source>
        <translation>Groupes naturels des données (seuils naturels)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="177" />
        <source>Classification: how the numbers are cut into a few colour classes</source>
        <translation>Classification : comment les nombres sont répartis en quelques classes de couleur</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="180" />
        <source>Grouping:</source>
        <translation>Découpage :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="185" />
        <source>How many colours the legend has (3 to 7 read best)</source>
        <translation>Combien de couleurs compte la légende (de 3 à 7, c'est le plus lisible)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="187" />
        <source>Number of classes:</source>
        <translation>Nombre de classes :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="191" />
        <source>Yellow to red</source>
        <translation>Du jaune au rouge</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="191" />
        <source>Orange to dark red</source>
        <translation>De l'orange au rouge foncé</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="191" />
        <source>Reds</source>
        <translation>Rouges</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="192" />
        <source>Blues</source>
        <translation>Bleus</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="192" />
        <source>Greens</source>
        <translation>Verts</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="192" />
        <source>Purples</source>
        <translation>Violets</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="193" />
        <source>Yellow to blue</source>
        <translation>Du jaune au bleu</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="193" />
        <source>Greys (for black and white printing)</source>
        <translation>Gris (pour l'impression en noir et blanc)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="196" />
        <source>Palette: the range of colours, light for low values, dark for high values</source>
        <translation>Palette : la gamme de couleurs, claires pour les petites valeurs, foncées pour les grandes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="200" />
        <source>Palette:</source>
        <translation>Palette :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="203" />
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="206" />
        <source>Automatic title</source>
        <translation>Titre automatique</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="208" />
        <source>Automatic subtitle</source>
        <translation>Sous-titre automatique</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="210" />
        <source>Automatic legend heading</source>
        <translation>Titre de légende automatique</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="211" />
        <source>The legend is the box that explains the colours</source>
        <translation>La légende est le cadre qui explique les couleurs</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="213" />
        <location filename="../carto_desktop/gui/style_step.py" line="335" />
        <source>Who collected or published the data</source>
        <translation>Qui a collecté ou publié les données</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="214" />
        <source>Your words for the data's source, printed in the map's sources line, for example "OCHA Mali, 3W, December 2023"</source>
        <translation>Vos mots pour la source des données, imprimés dans la ligne des sources de la carte, par exemple « OCHA Mali, 3W, décembre 2023 »</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="216" />
        <source>No source is given for the data: the map says "source not given". Type where the data come from.</source>
        <translation>Aucune source n'est indiquée pour les données : la carte affiche « source non indiquée ». Indiquez d'où viennent les données.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="231" />
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="232" />
        <source>Subtitle:</source>
        <translation>Sous-titre :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="233" />
        <source>Legend heading:</source>
        <translation>Titre de la légende :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="234" />
        <source>Source:</source>
        <translation>Source des données :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="237" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="238" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="239" />
        <source>The language of the texts on the map itself</source>
        <translation>La langue des textes sur la carte elle-même</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="241" />
        <source>Map language:</source>
        <translation>Langue de la carte :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="243" />
        <source>Choose logo…</source>
        <translation>Choisir le logo…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="244" />
        <source>Your organisation's logo (a PNG image), shown at the top right of the map</source>
        <translation>Le logo de votre organisation (une image PNG), affiché en haut à droite de la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="246" />
        <source>No logo</source>
        <translation>Sans logo</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="253" />
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="288" />
        <source>(none: count rows)</source>
        <translation>(aucune : compter les lignes)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="291" />
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="334" />
        <source>From credits.json: %1</source>
        <translation>Selon credits.json : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="354" />
        <source>Under %1</source>
        <translation>Moins de %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="381" />
        <source>Choose logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/style_step.py" line="381" />
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
</TS>