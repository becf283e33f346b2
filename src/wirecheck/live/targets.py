"""What to fetch, from the command line: URLs, files listing URLs, OPML files of feeds.

An argument is an http(s) URL, or a local file: an OPML file (``<opml>``: every outline's
``xmlUrl``) or a text file with one URL per line (blank lines and ``#`` comments skipped).
A line that is not an http(s) URL is one problem naming the file and line; the rest are
still fetched. The file is read under the same size limit as one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wirecheck.errors import InputError
from wirecheck.ingest.article import clean_url
from wirecheck.ingest.decode import decode_bytes
from wirecheck.ingest.streams import open_binary, read_bounded
from wirecheck.limits import Limits
from wirecheck.live.documents import opml_feeds


@dataclass
class Targets:
    urls: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand(args: list[str], limits: Limits) -> Targets:
    """The URLs the arguments name, in order, each once."""
    found = Targets()
    for arg in args:
        if is_url(arg):
            found.urls.append(arg.strip())
            continue
        path = Path(arg)
        if not path.is_file():
            found.problems.append(f"{arg}: not an http(s) URL, nor a file of URLs or an OPML file")
            continue
        try:
            with open_binary(path) as fh:
                data = read_bounded(fh, limits.max_record_bytes, arg, "URL list")
            _from_file(data, arg, limits, found)
        except InputError as exc:
            found.problems.append(str(exc))
    found.urls = list(dict.fromkeys(found.urls))
    return found


def _from_file(data: bytes, source: str, limits: Limits, found: Targets) -> None:
    text = decode_bytes(data).text
    if "<opml" in text[:4096].lower():
        feeds = opml_feeds(data, source, limits)
        if not feeds:
            found.problems.append(f"{source}: OPML file with no feed (xmlUrl) in it")
        found.urls += feeds
        return
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = clean_url(line)
        if url is None:
            found.problems.append(f"{source}:line {number}: not an http(s) URL")
        else:
            found.urls.append(url)
