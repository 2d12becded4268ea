"""French for the engine's messages: Saving and opening project files."""

FRENCH: dict[str, str] = {
    "The project file does not exist.": "Le fichier de projet n'existe pas.",
    "Check the name and the folder.": "Vérifiez le nom et le dossier.",
    "This is not a Carto Desktop project file, or it is damaged.":
        "Ce n'est pas un fichier de projet Carto Desktop, ou il est endommagé.",
    "Open a .cartoproj file saved by Carto Desktop.": "Ouvrez un fichier .cartoproj enregistré par Carto Desktop.",
    "This project was saved by a newer version of Carto Desktop.":
        "Ce projet a été enregistré par une version plus récente de Carto Desktop.",
    "Install the newest version of Carto Desktop to open it.":
        "Installez la dernière version de Carto Desktop pour l'ouvrir.",
}
