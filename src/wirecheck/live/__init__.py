"""Live coverage: fetch pages, feeds and sitemaps over HTTP, safely, into the store.

- :mod:`~wirecheck.live.guard` — which addresses may be fetched (the SSRF guard);
- :mod:`~wirecheck.live.transport` — an httpx transport that connects only to checked
  addresses (resolve once, check, connect to that address, check the peer again);
- :mod:`~wirecheck.live.client` — one polite, bounded HTTP GET: redirects, retries,
  robots.txt, conditional requests, size and decompression limits;
- :mod:`~wirecheck.live.documents` — fetched bytes → Articles through the file readers,
  and the link lists of feeds, sitemaps, OPML and URL-list files;
- :mod:`~wirecheck.live.fetch` — fetch targets into the store, keeping every version;
- :mod:`~wirecheck.live.watch` — poll targets until a time limit or Ctrl-C.
"""
