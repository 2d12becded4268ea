"""French for the engine's messages: Reading tables and boundary files."""

FRENCH: dict[str, str] = {
    "{column}: {role}": "{column} : {role}",
    "The file does not exist.": "Le fichier n'existe pas.",
    "Check the path, or choose the file again.": "Vérifiez le chemin ou choisissez à nouveau le fichier.",
    "This kind of file cannot be read as a table ({suffix}).": "Ce type de fichier ne peut pas être lu comme un tableau ({suffix}).",
    "Save it as CSV or Excel (.xlsx) and open it again.": "Enregistrez-le en CSV ou Excel (.xlsx) et ouvrez-le à nouveau.",
    "The file is empty.": "Le fichier est vide.",
    "Open it to check that it holds data, or ask for a new copy.": "Ouvrez-le pour vérifier qu'il contient des données, ou demandez une nouvelle copie.",
    "The table has a header but no data rows.": "Le tableau a une ligne d'en-tête mais aucune ligne de données.",
    "Check that you chose the right file and sheet.": "Vérifiez que vous avez choisi le bon fichier et la bonne feuille.",
    "The workbook has no sheet named \"{sheet}\"; it has: {sheets}.": "Le classeur n'a pas de feuille nommée « {sheet} » ; il contient : {sheets}.",
    "Choose one of the sheets listed.": "Choisissez une des feuilles indiquées.",
    "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.": "Le fichier n'a pas pu être lu comme classeur : il est peut-être endommagé, protégé par mot de passe ou n'est pas vraiment un fichier Excel.",
    "Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.": "Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe éventuel et enregistrez-le à nouveau en .xlsx.",
    "The text file could not be read as a table.": "Le fichier texte n'a pas pu être lu comme un tableau.",
    "Check that it is a CSV file with one header row, or save it again from Excel as CSV UTF-8.": "Vérifiez qu'il s'agit d'un CSV avec une ligne d'en-tête, ou enregistrez-le à nouveau depuis Excel en « CSV UTF-8 ».",
    "The boundary file could not be read.": "Le fichier de limites n'a pas pu être lu.",
    "Use a GeoJSON, GeoPackage or a complete shapefile (.shp with its .shx, .dbf and .prj).": "Utilisez un GeoJSON, un GeoPackage ou un shapefile complet (.shp avec ses fichiers .shx, .dbf et .prj).",
    "The boundary file holds no areas.": "Le fichier de limites ne contient aucune zone.",
    "Choose a file with the admin areas (polygons) of your country.": "Choisissez un fichier contenant les zones administratives (polygones) de votre pays.",
    "The boundary file has no polygons (only points or lines).": "Le fichier de limites ne contient pas de polygones (seulement des points ou des lignes).",
    "A choropleth needs admin areas: choose the boundaries file, not a points file.": "Une carte choroplèthe a besoin de zones : choisissez le fichier des limites, pas un fichier de points.",
    "Web addresses cannot be opened: Carto Desktop works offline.": "Les adresses web ne peuvent pas être ouvertes : Carto Desktop fonctionne hors ligne.",
    "Download the file first, then open it from your computer.": "Téléchargez d'abord le fichier, puis ouvrez-le depuis votre ordinateur.",
    'The shapefile is damaged: it may have been cut short when it was copied or downloaded.': "Le shapefile est endommagé : il a peut-être été tronqué lors d'une copie ou d'un téléchargement.",
    'Ask for a new copy, ideally zipped with its .shx, .dbf and .prj files.': 'Demandez une nouvelle copie, de préférence zippée avec ses fichiers .shx, .dbf et .prj.',
    'The file has no layer named "{layer}"; it has: {layers}.': "Le fichier n'a pas de couche nommée « {layer} » ; il contient : {layers}.",
    'Choose one of the layers listed.': 'Choisissez une des couches indiquées.',
    'The shapefile is incomplete: the "{part}" file is missing next to it.': 'Le shapefile est incomplet : le fichier « {part} » manque à côté de lui.',
    'A shapefile is several files with the same name (.shp, .shx, .dbf, .prj): copy them all into the same folder, or send them zipped together.': 'Un shapefile se compose de plusieurs fichiers de même nom (.shp, .shx, .dbf, .prj) : copiez-les tous dans le même dossier, ou envoyez-les ensemble dans un zip.',
    'The KMZ file holds no KML document.': 'Le fichier KMZ ne contient aucun document KML.',
    'Export it again from Google Earth or My Maps.': 'Exportez-le à nouveau depuis Google Earth ou My Maps.',
    'The zip file holds no boundary file (.shp, .gpkg, .geojson, .kml).': 'Le fichier zip ne contient aucun fichier de limites (.shp, .gpkg, .geojson, .kml).',
    'Check that you chose the right zip file.': 'Vérifiez que vous avez choisi le bon fichier zip.',
    'The {count} folders of the KML file were read together (column "folder").': 'Les {count} dossiers du fichier KML ont été lus ensemble (colonne « folder »).',
    'The file gives no coordinate system (no .prj file) and its coordinates are not longitude/latitude, so it cannot be placed on a map.': "Le fichier n'indique pas de système de coordonnées (pas de fichier .prj) et ses coordonnées ne sont pas des longitudes/latitudes : il ne peut pas être placé sur une carte.",
    'Copy the .prj file next to the .shp file, or export the layer again from QGIS with its coordinate system.': 'Copiez le fichier .prj à côté du fichier .shp, ou exportez à nouveau la couche depuis QGIS avec son système de coordonnées.',
    "The coordinates are outside the range of longitude and latitude, so the file's coordinate system is wrong.": 'Les coordonnées sortent des plages de longitude et de latitude : le système de coordonnées du fichier est erroné.',
    'The file probably holds projected coordinates (metres): export it again from QGIS with its real coordinate system.': 'Le fichier contient sans doute des coordonnées projetées (en mètres) : exportez-le à nouveau depuis QGIS avec son vrai système de coordonnées.',
    '{count} invalid geometries were repaired.': '{count} géométries invalides réparées.',
    '{count} invalid geometry was repaired.': '{count} géométrie invalide réparée.',
    '{count} features that are not areas (points or lines) were left out.': '{count} objets qui ne sont pas des zones (points ou lignes) ont été écartés.',
    '{count} feature that is not an area (a point or a line) was left out.': "{count} objet qui n'est pas une zone (point ou ligne) a été écarté.",
    'Layer "{layer}" was read; the file also has: {others}.': 'La couche « {layer} » a été lue ; le fichier contient aussi : {others}.',
    'The shapefile has no .cpg file; its text was read as UTF-8.': "Le shapefile n'a pas de fichier .cpg ; son texte a été lu en UTF-8.",
    'The file gives no coordinate system (no .prj file); the coordinates look like longitude/latitude, so WGS84 was assumed.': "Le fichier n'indique pas de système de coordonnées (pas de fichier .prj) ; les coordonnées ressemblent à des longitudes/latitudes, WGS84 a donc été supposé.",
    'The layer was reprojected from {crs} to WGS84 longitude/latitude.': 'La couche a été reprojetée de {crs} vers WGS84 (longitude/latitude).',
    'The coordinate system of the file cannot be converted to longitude/latitude.': 'Le système de coordonnées du fichier ne peut pas être converti en longitude/latitude.',
    'Export the layer again from QGIS in WGS 84 (EPSG:4326).': 'Exportez à nouveau la couche depuis QGIS en WGS 84 (EPSG:4326).',
    'The workbook is protected by a password, so it cannot be read.': 'Le classeur est protégé par un mot de passe : il ne peut pas être lu.',
    'Open it in Excel or LibreOffice with the password, save a copy without password, and open that copy.': 'Ouvrez-le dans Excel ou LibreOffice avec le mot de passe, enregistrez une copie sans mot de passe et ouvrez cette copie.',
    'The file is a web page saved under a spreadsheet name, not a real spreadsheet.': 'Le fichier est une page web enregistrée sous un nom de classeur, pas un vrai classeur.',
    'Open it in Excel or LibreOffice and save it as .xlsx or CSV.': 'Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx ou CSV.',
    'The file is not a text table: it contains binary data.': "Le fichier n'est pas un tableau texte : il contient des données binaires.",
    'Check that you chose the right file; save tables from Excel as CSV or .xlsx.': 'Vérifiez que vous avez choisi le bon fichier ; enregistrez les tableaux depuis Excel en CSV ou .xlsx.',
    'The file is not in UTF-8; it was read as {encoding}. Check that accents look right.': "Le fichier n'est pas en UTF-8 ; il a été lu en {encoding}. Vérifiez que les accents s'affichent bien.",
    'Some characters could not be decoded and show as "�".': "Certains caractères n'ont pas pu être décodés et s'affichent « � ».",
    'Row {header_row} is empty or beyond the end of the table, so it cannot be the header.': "La ligne {header_row} est vide ou au-delà de la fin du tableau : elle ne peut pas être l'en-tête.",
    'Give the number of the row that holds the column names, as shown in the spreadsheet.': "Indiquez le numéro de la ligne qui contient les noms de colonnes, tel qu'affiché dans le tableur.",
    '{count} columns have no name in the header; they were called {names}.': "{count} colonnes sans nom dans l'en-tête ; elles ont été nommées {names}.",
    '{count} column has no name in the header; it was called {names}.': "{count} colonne sans nom dans l'en-tête ; elle a été nommée {names}.",
    'The file is named {suffix} but holds plain text; it was read as a CSV file.': "Le fichier porte l'extension {suffix} mais contient du texte brut ; il a été lu comme un CSV.",
    'The file is named {suffix} but is really a spreadsheet; it was read as one.': "Le fichier porte l'extension {suffix} mais c'est en réalité un classeur ; il a été lu comme tel.",
    'Sheet "{sheet}" was read; the workbook also has: {others}.': 'La feuille « {sheet} » a été lue ; le classeur contient aussi : {others}.',
    'The header is row {row}; the {count} rows above it (titles) were skipped.': "L'en-tête est à la ligne {row} ; les {count} lignes au-dessus (titres) ont été ignorées.",
    'The header is row {row}; {count} row above it (a title) was skipped.': "L'en-tête est à la ligne {row} ; {count} ligne au-dessus (un titre) a été ignorée.",
    'The header spans two rows (merged cells); column names were joined, e.g. "{example}".': "L'en-tête s'étend sur deux lignes (cellules fusionnées) ; les noms de colonnes ont été assemblés, par exemple « {example} ».",
    'The archive is damaged and cannot be opened.': "L'archive est endommagée et ne peut pas être ouverte.",
    'Ask for a new copy of the file, or unzip it on your computer and open what is inside.': 'Demandez une nouvelle copie du fichier, ou décompressez-le sur votre ordinateur et ouvrez son contenu.',
    'The archive contains a file that would be written outside its folder ("{member}"); it was not opened.': "L'archive contient un fichier qui serait écrit hors de son dossier (« {member} ») ; elle n'a pas été ouverte.",
    'This archive may be malicious. Ask the sender for a clean copy.': "Cette archive est peut-être malveillante. Demandez une copie saine à l'expéditeur.",
    'The archive would expand to an abnormal size when opened (a "zip bomb"); it was not opened.': "L'archive atteindrait une taille anormale une fois décompressée (une « bombe zip ») ; elle n'a pas été ouverte.",
    'The file declares XML entities (it could read other files on this computer); it was not opened.': "Le fichier déclare des entités XML (il pourrait lire d'autres fichiers de cet ordinateur) ; il n'a pas été ouvert.",
    'This file may be malicious. Export it again from Google Earth or QGIS.': 'Ce fichier est peut-être malveillant. Exportez-le à nouveau depuis Google Earth ou QGIS.',
    'The file is not valid XML: it may be truncated or damaged.': "Le fichier n'est pas un XML valide : il est peut-être tronqué ou endommagé.",
    'Export it again from Google Earth, My Maps or QGIS.': 'Exportez-le à nouveau depuis Google Earth, My Maps ou QGIS.',
    'The table has no column named "{column}".': "Le tableau n'a pas de colonne nommée « {column} ».",
    'Check the spelling; column names are listed by "carto-desktop inspect".': "Vérifiez l'orthographe ; « carto-desktop inspect » liste les noms de colonnes.",
    '"{spec}" is not a column role; use one of: {roles} (with ":level" for admin names and P-codes).': "« {spec} » n'est pas un rôle de colonne ; utilisez l'un de : {roles} (avec « :niveau » pour les noms d'unités administratives et les P-codes).",
    'For example "admin name:2" for a column of cercle names.': 'Par exemple « admin name:2 » pour une colonne de noms de cercles.',
    'Give a file to inspect with --table or --boundaries.': 'Indiquez un fichier à examiner avec --table ou --boundaries.',
    'For example: carto-desktop inspect --table data.xlsx': 'Par exemple : carto-desktop inspect --table donnees.xlsx',
    'Column "{column}": {count} cells are not numbers (rows {rows}); they will count as no data.': 'Colonne « {column} » : {count} cellules ne sont pas des nombres (lignes {rows}) ; elles compteront comme sans donnée.',
    'Column "{column}": {count} cell is not a number (row {rows}); it will count as no data.': "Colonne « {column} » : {count} cellule n'est pas un nombre (ligne {rows}) ; elle comptera comme sans donnée.",
    'Column "{column}": {count} P-codes do not have the OCHA length for their country (e.g. {examples}).': "Colonne « {column} » : {count} P-codes n'ont pas la longueur OCHA de leur pays (par ex. {examples}).",
    'Column "{column}": {count} P-code does not have the OCHA length for its country ({examples}).': "Colonne « {column} » : {count} P-code n'a pas la longueur OCHA de son pays ({examples}).",
    'Columns "{lat}" and "{lon}": latitude and longitude look swapped in {count} rows (rows {rows}).': 'Colonnes « {lat} » et « {lon} » : latitude et longitude semblent inversées sur {count} lignes (lignes {rows}).',
    'Columns "{lat}" and "{lon}": latitude and longitude look swapped in {count} row (row {rows}).': 'Colonnes « {lat} » et « {lon} » : latitude et longitude semblent inversées sur {count} ligne (ligne {rows}).',
    'Columns "{lat}" and "{lon}": {count} points are out of range (rows {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} points hors des plages possibles (lignes {rows}).',
    'Columns "{lat}" and "{lon}": {count} point is out of range (row {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} point hors des plages possibles (ligne {rows}).',
    'Columns "{lat}" and "{lon}": {count} points are at 0,0, a GPS failure (rows {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} points à 0,0, une panne de GPS (lignes {rows}).',
    'Columns "{lat}" and "{lon}": {count} point is at 0,0, a GPS failure (row {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} point à 0,0, une panne de GPS (ligne {rows}).',
    'Columns "{lat}" and "{lon}": {count} coordinates cannot be read (rows {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} coordonnées illisibles (lignes {rows}).',
    'Columns "{lat}" and "{lon}": {count} coordinate cannot be read (row {rows}).': 'Colonnes « {lat} » et « {lon} » : {count} coordonnée illisible (ligne {rows}).',
    'Columns "{lat}" and "{lon}": {count} points have only one of latitude and longitude (rows {rows}).': "Colonnes « {lat} » et « {lon} » : {count} points n'ont que la latitude ou que la longitude (lignes {rows}).",
    'Columns "{lat}" and "{lon}": {count} point has only one of latitude and longitude (row {rows}).': "Colonnes « {lat} » et « {lon} » : {count} point n'a que la latitude ou que la longitude (ligne {rows}).",
    'Sheets: {sheets}': 'Feuilles : {sheets}',
    'Layers: {layers}': 'Couches : {layers}',
    'Read: {rows} rows × {columns} columns, header in row {header}': 'Lu : {rows} lignes × {columns} colonnes, en-tête à la ligne {header}',
    'Read: {count} areas in WGS84 longitude/latitude': 'Lu : {count} zones en WGS84 longitude/latitude',
    'Encoding: {encoding}; separator: {separator}': 'Encodage : {encoding} ; séparateur : {separator}',
    'Columns:': 'Colonnes :',
    'Warnings:': 'Avertissements :',
    '(admin {level})': '(niveau admin {level})',
    '(set by you)': '(choisi par vous)',
    'admin name': "nom d'unité administrative",
    'P-code': 'P-code',
    'latitude': 'latitude',
    'longitude': 'longitude',
    'geopoint': 'point GPS',
    'number': 'nombre',
    'date': 'date',
    'identifier': 'identifiant',
    'multiple choice': 'choix multiple',
    'form metadata': 'métadonnée de formulaire',
    'text': 'texte',
    'empty': 'vide',
    'A quote (") opened in this row is never closed, so the rest of the file cannot be split into cells.': 'Un guillemet (") ouvert dans cette ligne n\'est jamais fermé : la suite du fichier ne peut pas être découpée en cellules.',
    'Open the file in a text editor, close or remove the quote in that row, and save it again.': 'Ouvrez le fichier dans un éditeur de texte, fermez ou supprimez le guillemet de cette ligne, puis enregistrez-le.',
    'This is a folder, not a file.': 'Ceci est un dossier, pas un fichier.',
    'Choose the file itself (for a shapefile, the .shp file inside the folder).': 'Choisissez le fichier lui-même (pour un shapefile, le fichier .shp dans le dossier).',
    'Some column names appear twice ({names}); the repeats were numbered, e.g. "{example}".': 'Certains noms de colonnes apparaissent deux fois ({names}) ; les répétitions ont été numérotées, par exemple « {example} ».',
    'The file mixes two encodings (UTF-8 and Windows-1252, as when files are pasted together); both were read. Check that accents look right.': "Le fichier mélange deux encodages (UTF-8 et Windows-1252, comme lorsque des fichiers ont été collés ensemble) ; les deux ont été lus. Vérifiez que les accents s'affichent bien.",
    'This kind of file cannot be read as boundaries ({suffix}).': 'Ce type de fichier ne peut pas être lu comme fichier de limites ({suffix}).',
    'Use a GeoJSON, GeoPackage, shapefile (.shp or zipped), KML/KMZ or GPX file.': 'Utilisez un fichier GeoJSON, GeoPackage, shapefile (.shp ou zippé), KML/KMZ ou GPX.',
    'The file has small defects that were worked around: {details}.': 'Le fichier a de petits défauts qui ont été contournés : {details}.',
    'Form export (KoboToolbox/ODK):': 'Export de formulaire (KoboToolbox/ODK) :',
    'GPS point "{name}": columns {columns}': 'Point GPS « {name} » : colonnes {columns}',
    'Multiple-choice question "{name}": {count} choices': 'Question à choix multiples « {name} » : {count} choix',
    'GPS points: {usable} usable, {problems} with a problem': 'Points GPS : {usable} utilisables, {problems} avec un problème',
    # limits.py: what is too large to read
    "The table has {count} columns; Carto Desktop reads at most {limit}.":
        "Le tableau a {count} colonnes ; Carto Desktop en lit au plus {limit}.",
    "Delete the columns you do not need (and any empty columns after your data), then save the file again.":
        "Supprimez les colonnes inutiles (et les colonnes vides après vos données), puis enregistrez de nouveau le fichier.",
    "The sheet reaches cell {cell}: {rows} rows × {columns} columns is more than Carto Desktop reads ({limit} cells).":
        "La feuille va jusqu'à la cellule {cell} : {rows} lignes × {columns} colonnes, c'est plus que ce que Carto Desktop lit ({limit} cellules).",
    "Delete the empty rows and columns after your data (or the stray cell) in Excel or LibreOffice, then save it again.":
        "Supprimez les lignes et colonnes vides après vos données (ou la cellule isolée) dans Excel ou LibreOffice, puis enregistrez de nouveau.",
    "The workbook could not be read: it asks for more memory than any table needs, so it is probably damaged.":
        "Le classeur n'a pas pu être lu : il demande plus de mémoire qu'aucun tableau n'en a besoin, il est donc sans doute endommagé.",
    "Open it in Excel or LibreOffice and save it again as .xlsx.":
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx.",
    "The boundary file has {count} points; Carto Desktop draws at most {limit}.":
        "Le fichier de limites compte {count} points ; Carto Desktop en dessine au plus {limit}.",
    "Simplify the boundaries first (for example with mapshaper.org or QGIS), then open them again.":
        "Simplifiez d'abord les limites (par exemple avec mapshaper.org ou QGIS), puis ouvrez-les de nouveau.",
    "Area {area} of the boundary file is made of {count} separate parts; Carto Desktop reads at most {limit} per area.":
        "La zone {area} du fichier de limites est faite de {count} parties séparées ; Carto Desktop en lit au plus {limit} par zone.",
    "The boundary file has {count} attribute columns; Carto Desktop reads at most {limit}.":
        "Le fichier de limites a {count} colonnes d'attributs ; Carto Desktop en lit au plus {limit}.",
    "Keep only the name and code columns (for example in QGIS), then open it again.":
        "Ne gardez que les colonnes de noms et de codes (par exemple dans QGIS), puis ouvrez-le de nouveau.",
    "Some areas of the boundary file have coordinates that are not numbers (NaN or infinite): feature {features}.":
        "Des zones du fichier de limites ont des coordonnées qui ne sont pas des nombres (NaN ou infini) : entité {features}.",
    "The file is damaged: export it again from QGIS, or ask for a new copy.":
        "Le fichier est endommagé : exportez-le de nouveau depuis QGIS, ou demandez-en une nouvelle copie.",
    "Area {area} of the boundary file has a shape that cannot be repaired.":
        "La zone {area} du fichier de limites a une forme qui ne peut pas être réparée.",
    "{count} features of the boundary file have no shape (no coordinates) and were left out.":
        "{count} entités du fichier de limites n'ont pas de forme (aucune coordonnée) et ont été laissées de côté.",
}
# real plurals (`i18n.translate`): the count parameter and the singular sentence
FRENCH.update({
    "{count} whole numbers in column {letter} are too long to be stored exactly as numbers (such as {value}): a "
    "spreadsheet keeps about 15 digits, so their last digits may not be the ones typed. Store such codes as text.":
        "{count} nombres entiers de la colonne {letter} sont trop longs pour être enregistrés exactement comme des "
        "nombres (par exemple {value}) : un tableur garde environ 15 chiffres, leurs derniers chiffres peuvent donc "
        "différer de ceux saisis. Enregistrez ces codes comme du texte.",
    "{count} whole number in column {letter} is too long to be stored exactly as a number ({value}): a spreadsheet "
    "keeps about 15 digits, so its last digits may not be the ones typed. Store such codes as text.":
        "{count} nombre entier de la colonne {letter} est trop long pour être enregistré exactement comme un nombre "
        "({value}) : un tableur garde environ 15 chiffres, ses derniers chiffres peuvent donc différer de ceux "
        "saisis. Enregistrez ces codes comme du texte.",
})
FRENCH.update({
    "Column \"{column}\": {count} cells hold long numbers in scientific notation (such as {value}): if they are "
    "codes (IDs, phone numbers), the spreadsheet that saved the file kept only their first digits. Format the column "
    "as text in the spreadsheet and save the file again.":
        "Colonne « {column} » : {count} cellules contiennent de longs nombres en notation scientifique (par exemple "
        "{value}) : si ce sont des codes (identifiants, numéros de téléphone), le tableur qui a enregistré le fichier "
        "n'a gardé que leurs premiers chiffres. Mettez la colonne au format texte dans le tableur et enregistrez de "
        "nouveau le fichier.",
    "Column \"{column}\": {count} cell holds a long number in scientific notation ({value}): if it is a code (an ID, "
    "a phone number), the spreadsheet that saved the file kept only its first digits. Format the column as text in "
    "the spreadsheet and save the file again.":
        "Colonne « {column} » : {count} cellule contient un long nombre en notation scientifique ({value}) : si c'est "
        "un code (un identifiant, un numéro de téléphone), le tableur qui a enregistré le fichier n'a gardé que ses "
        "premiers chiffres. Mettez la colonne au format texte dans le tableur et enregistrez de nouveau le fichier.",
})
SINGULAR: dict[str, tuple[str, str]] = {
    "Column \"{column}\": {count} cells hold long numbers in scientific notation (such as {value}): if they are "
    "codes (IDs, phone numbers), the spreadsheet that saved the file kept only their first digits. Format the column "
    "as text in the spreadsheet and save the file again.":
        ("count", "Column \"{column}\": {count} cell holds a long number in scientific notation ({value}): if it is "
                  "a code (an ID, a phone number), the spreadsheet that saved the file kept only its first digits. "
                  "Format the column as text in the spreadsheet and save the file again."),
    "{count} whole numbers in column {letter} are too long to be stored exactly as numbers (such as {value}): a "
    "spreadsheet keeps about 15 digits, so their last digits may not be the ones typed. Store such codes as text.":
        ("count", "{count} whole number in column {letter} is too long to be stored exactly as a number ({value}): "
                  "a spreadsheet keeps about 15 digits, so its last digits may not be the ones typed. Store such "
                  "codes as text."),
    '{count} invalid geometries were repaired.':
        ("count", '{count} invalid geometry was repaired.'),
    '{count} features that are not areas (points or lines) were left out.':
        ("count", '{count} feature that is not an area (a point or a line) was left out.'),
    '{count} columns have no name in the header; they were called {names}.':
        ("count", '{count} column has no name in the header; it was called {names}.'),
    'The header is row {row}; the {count} rows above it (titles) were skipped.':
        ("count", 'The header is row {row}; {count} row above it (a title) was skipped.'),
    'Column "{column}": {count} cells are not numbers (rows {rows}); they will count as no data.':
        ("count", 'Column "{column}": {count} cell is not a number (row {rows}); it will count as no data.'),
    'Column "{column}": {count} P-codes do not have the OCHA length for their country (e.g. {examples}).':
        ("count", 'Column "{column}": {count} P-code does not have the OCHA length for its country ({examples}).'),
    'Columns "{lat}" and "{lon}": latitude and longitude look swapped in {count} rows (rows {rows}).':
        ("count", 'Columns "{lat}" and "{lon}": latitude and longitude look swapped in {count} row (row {rows}).'),
    'Columns "{lat}" and "{lon}": {count} points are out of range (rows {rows}).':
        ("count", 'Columns "{lat}" and "{lon}": {count} point is out of range (row {rows}).'),
    'Columns "{lat}" and "{lon}": {count} points are at 0,0, a GPS failure (rows {rows}).':
        ("count", 'Columns "{lat}" and "{lon}": {count} point is at 0,0, a GPS failure (row {rows}).'),
    'Columns "{lat}" and "{lon}": {count} coordinates cannot be read (rows {rows}).':
        ("count", 'Columns "{lat}" and "{lon}": {count} coordinate cannot be read (row {rows}).'),
    'Columns "{lat}" and "{lon}": {count} points have only one of latitude and longitude (rows {rows}).':
        ("count", 'Columns "{lat}" and "{lon}": {count} point has only one of latitude and longitude (row {rows}).'),
}
