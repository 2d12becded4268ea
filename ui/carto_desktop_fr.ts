<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../carto_desktop/gui/errors.py" line="18" />
        <source>Something went wrong inside Carto Desktop. Your work is not lost; please report this with the details below.</source>
        <translation>Un problème interne est survenu dans Carto Desktop. Votre travail n'est pas perdu ; signalez-le avec les détails ci-dessous.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="35" />
        <source>Carto Desktop</source>
        <translation>Carto Desktop</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="40" />
        <source>1. Data</source>
        <translation>1. Données</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="40" />
        <source>2. Match</source>
        <translation>2. Appariement</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="40" />
        <source>3. Style</source>
        <translation>3. Style</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="40" />
        <source>4. Export</source>
        <translation>4. Export</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="60" />
        <source>Open the sample project or choose your files to see a map here.</source>
        <translation>Ouvrez le projet d'exemple ou choisissez vos fichiers pour voir une carte ici.</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="72" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="79" />
        <source>Open sample project</source>
        <translation>Ouvrir le projet d'exemple</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="80" />
        <source>Mali: where humanitarian partners work (OCHA 3W, December 2023)</source>
        <translation>Mali : où travaillent les partenaires humanitaires (3W OCHA, décembre 2023)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="83" />
        <source>No table chosen</source>
        <translation>Aucun tableau choisi</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="84" />
        <source>Choose table…</source>
        <translation>Choisir le tableau…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="85" />
        <source>A spreadsheet (Excel, CSV) with one row per activity or place</source>
        <translation>Un tableur (Excel, CSV) avec une ligne par activité ou par lieu</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="88" />
        <source>No boundaries chosen</source>
        <translation>Aucune limite choisie</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="89" />
        <source>Choose boundaries…</source>
        <translation>Choisir les limites…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="90" />
        <source>The outlines of the admin areas (regions, districts): GeoJSON, GeoPackage or shapefile</source>
        <translation>Les contours des zones administratives (régions, cercles) : GeoJSON, GeoPackage ou shapefile</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="103" />
        <source>Matched on column:</source>
        <translation>Apparié sur la colonne :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="104" />
        <source>Matched rows:</source>
        <translation>Lignes appariées :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="105" />
        <source>Rows to review:</source>
        <translation>Lignes à vérifier :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="106" />
        <source>Unmatched rows:</source>
        <translation>Lignes non appariées :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="115" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="116" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="118" />
        <source>Update map</source>
        <translation>Mettre à jour la carte</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="120" />
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="121" />
        <source>Subtitle:</source>
        <translation>Sous-titre :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="122" />
        <source>Map language:</source>
        <translation>Langue de la carte :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="130" />
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="130" />
        <source>PDF document (vector)</source>
        <translation>Document PDF (vectoriel)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="131" />
        <source>SVG drawing (vector)</source>
        <translation>Dessin SVG (vectoriel)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="137" />
        <source>Dots per inch: 150 for screens, 300 for print</source>
        <translation>Points par pouce : 150 pour l'écran, 300 pour l'impression</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="138" />
        <source>Export map…</source>
        <translation>Exporter la carte…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="143" />
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="144" />
        <source>Resolution:</source>
        <translation>Résolution :</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="182" />
        <source>Making the map…</source>
        <translation>Création de la carte…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="206" />
        <source>Map ready</source>
        <translation>Carte prête</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="216" />
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="223" />
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="224" />
        <source>Map exported</source>
        <translation>Carte exportée</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="228" />
        <source>Something needs your attention</source>
        <translation>Un point demande votre attention</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="236" />
        <source>Choose table</source>
        <translation>Choisir le tableau</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="237" />
        <source>Tables (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Tableaux (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="244" />
        <source>Choose boundaries</source>
        <translation>Choisir les limites</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="245" />
        <source>Boundaries (*.geojson *.json *.gpkg *.shp *.zip)</source>
        <translation>Limites (*.geojson *.json *.gpkg *.shp *.zip)</translation>
    </message>
    <message>
        <location filename="../carto_desktop/gui/main_window.py" line="259" />
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
</context>
</TS>