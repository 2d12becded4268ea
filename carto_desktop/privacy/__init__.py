"""Responsible data: find personal data, check a map before it is shared, purge what the app kept."""
from carto_desktop.privacy.sensitive import Finding, PeopleVerdict, detect_sensitive, is_people_points

__all__ = ["Finding", "PeopleVerdict", "detect_sensitive", "is_people_points"]
# privacy.check (share_check, write_check) and privacy.purge (purge_project) load the map stack: import them directly
