"""French for the engine's messages: Saving and opening project files."""

FRENCH: dict[str, str] = {
    "This project file is too large to be a Carto Desktop project (more than {mb} MB): it is damaged.":
        "Ce fichier est trop gros pour être un projet Carto Desktop (plus de {mb} Mo) : il est endommagé.",
    "A text in this project file is too long (more than {limit} characters): it is damaged.":
        "Un texte de ce fichier de projet est trop long (plus de {limit} caractères) : il est endommagé.",
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
