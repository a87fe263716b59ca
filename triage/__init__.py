"""triage: work through a business dispute one calm step at a time."""

__version__ = "0.1.0"
