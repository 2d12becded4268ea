"""Responsible data: find personal data, check a map before it is shared, purge what the app kept."""
from carto_desktop.privacy.sensitive import Finding, PeopleVerdict, detect_sensitive, is_people_points

__all__ = ["Finding", "PeopleVerdict", "detect_sensitive", "is_people_points"]
