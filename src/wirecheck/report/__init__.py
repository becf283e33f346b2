"""Story dossiers: built from the store as plain data, rendered as JSON, Markdown or HTML.

    dossier = build_dossier(conn, story_id)      # read-only over the store
    html = render(dossier, "html")                # one self-contained, offline file
    paths = write_dossiers(conn, "dossiers", ["html", "json"])
"""

from wirecheck.report.build import StoryNotFound, build_dossier, story_ids
from wirecheck.report.dossier import ALL_STORIES, Dossier
from wirecheck.report.render import FORMATS, render
from wirecheck.report.write import write_dossiers

__all__ = [
    "ALL_STORIES", "FORMATS", "Dossier", "StoryNotFound", "build_dossier", "render", "story_ids",
    "write_dossiers",
]
