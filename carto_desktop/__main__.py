from carto_desktop.cli import command

command()
