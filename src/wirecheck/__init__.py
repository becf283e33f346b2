"""wirecheck: who claims what about a fast-moving news story, across outlets, offline."""

__version__ = "0.1.0"
