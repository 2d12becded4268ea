import sys

from carto_desktop.cli import main

sys.exit(main())
