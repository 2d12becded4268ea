"""`python -m carto_desktop.gui [en|fr]`: open the app directly (used by the start-up bench)."""
import sys

from carto_desktop.gui.app import run_app

if __name__ == "__main__":
    sys.exit(run_app(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ("en", "fr") else None))
