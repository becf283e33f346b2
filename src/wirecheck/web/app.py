"""The local web UI: a FastAPI app over one store, read-only (datasette-style factory).

Every request opens its own read-only connection, so pages keep working while an ingest
writes (WAL). Pages reuse the dossier's templates; every response carries a CSP that
allows only our own stylesheet and our one matrix-filter script (both by hash). Errors have one JSON shape,
``{"ok": false, "error": ..., "status": ...}``, under ``/api/`` (and for clients asking
for JSON); HTML pages get the same message as a page. JSON bodies carry control and
bidirectional characters (a store written before ingest cleaned them) only as escapes
(``\\u001b``): the data parse back unchanged, but a terminal showing the body is safe.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirecheck.errors import StoreError, WirecheckError
from wirecheck.report.build import StoryNotFound, build_dossier, story_row
from wirecheck.report.changes import mark_changes
from wirecheck.report.export import check_export, export_file_name, export_rows, write_export
from wirecheck.report.facts import load_facts
from wirecheck.report.matrix_filter import MatrixFilter
from wirecheck.report.render import Links, content_security_policy, html_environment, render_json
from wirecheck.review.record import record_review
from wirecheck.safetext import printable
from wirecheck.store.articles import count_articles
from wirecheck.store.counts import story_total
from wirecheck.store.db import opened
from wirecheck.store.web_rows import conflict_total
from wirecheck.web import queries
from wirecheck.web.hosts import HostPolicy, host_policy
from wirecheck.web.queries import PER_PAGE, Page
from wirecheck.web.reviews import BadToken, ReviewGuard, ReviewsOff, parse_form

log = logging.getLogger("wirecheck.web")
CLAIMS_SHOWN = 100  # claim-table rows on a story page before "show all" (keeps pages fast)
STORY_ARTICLES = 120  # a longer story's page covers its most recent articles (says so)
SECURITY_HEADERS = {
    "Content-Security-Policy": content_security_policy(frame_ancestors=True),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SafeJSON(JSONResponse):
    """JSON whose control and bidi characters are written as escapes (``safetext.printable``)."""

    def render(self, content: Any) -> bytes:
        return json_bytes(json.dumps(content, ensure_ascii=False, allow_nan=False,
                                     separators=(",", ":")))


def json_bytes(body: str) -> bytes:
    return printable(body).encode("utf-8")


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one JSON error shape (pinned by a test)."""
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.url.path.startswith("/api/") or (
        "application/json" in accept and "text/html" not in accept)


def _store(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request (WAL: never blocked by a writer)."""
    with opened(request.app.state.db_path, readonly=True) as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(_store)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]


def create_app(db_path: str | Path, *, allow_reviews: bool = False,
               hosts: HostPolicy | None = None) -> FastAPI:
    """The web UI over the store at ``db_path`` (opened read-only, per request).
    ``allow_reviews``: analysts may post reviews (web/reviews.py); the only writes.
    ``hosts``: the Host headers answered (default: a loopback bind's, see web/hosts.py)."""
    db = Path(db_path)  # opened per request, so the app starts even before the store exists
    env = html_environment("wirecheck.web")
    env.globals["reviews_allowed"] = allow_reviews
    guard = ReviewGuard(allowed=allow_reviews)
    links = Links(web=True)
    app = FastAPI(title="wirecheck", docs_url=None, redoc_url=None, openapi_url=None,
                  default_response_class=SafeJSON)

    app.state.db_path = db
    policy = hosts or host_policy("127.0.0.1")

    def html(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        body = env.get_template(template).render(links=links, **context)
        return HTMLResponse(body, status_code=status_code)

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return SafeJSON(error_body(status, message), status_code=status)
        return html("error.html", status, status=status, message=message, q="")

    @app.middleware("http")
    async def secure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            if not policy.allows(request.headers.get("host")):  # DNS rebinding
                response = error(request, 400, "this server does not answer to that Host name "
                                 "(see `wirecheck serve --allow-host`)")
            else:
                response = await call_next(request)
        except Exception:  # a bug: logged with its traceback, answered without one
            log.exception("internal error on %s", request.url.path)
            response = error(request, 500, "internal error (see the server log)")
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error(request, 400, f"bad request: {where}")

    @app.exception_handler(WirecheckError)
    async def domain_error(request: Request, exc: WirecheckError) -> Response:
        status = (404 if isinstance(exc, StoryNotFound) else 503 if isinstance(exc, StoreError)
                  else 403 if isinstance(exc, ReviewsOff | BadToken) else 400)
        return error(request, status, str(exc))

    @app.get("/", response_class=HTMLResponse)
    def index(conn: Conn, q: str = "", page: PageNo = 1) -> HTMLResponse:
        if q.strip():
            return html("search.html", q=q, results=queries.search(conn, q))
        p = Page(page, PER_PAGE, story_total(conn))
        articles, a_page = [], None
        if not p.total:
            a_page = Page(page, PER_PAGE, count_articles(conn))
            articles = queries.list_articles(conn, a_page)
        return html("stories.html", q="", page=p, stories=queries.list_stories(conn, p),
                    articles=articles, article_page=a_page)

    @app.get("/stories/{story_id:path}/review", response_class=HTMLResponse)
    def review_form(conn: Conn, story_id: str, fact: str = "") -> HTMLResponse:
        guard.check_allowed()
        facts, _ = load_facts(conn, story_id=story_row(conn, story_id)["id"])
        found = next((f for f in facts if f.id == fact.removeprefix("f-")), None)
        if found is None:
            raise HTTPException(404, f"no fact {fact!r} in story {story_id!r}")
        return html("review.html", q="", f=found, story_id=story_id,
                    token=guard.token(story_id, found.id))

    @app.post("/stories/{story_id:path}/review")
    async def review_post(request: Request, story_id: str) -> Response:
        form = parse_form(await request.body())
        guard.check(story_id, form, request.headers.get("origin"), request.headers.get("host"))
        with opened(db, create=False) as conn:  # the one writable connection: a review, in its own transaction
            done = record_review(conn, story_id, form.fact, form.action, claims=form.claims,
                                 note=form.note)
        return RedirectResponse(f"{links.story(story_id)}#review-{done.id}", status_code=303)

    @app.get("/stories/{story_id:path}/export.{fmt}")
    def story_export(conn: Conn, story_id: str, fmt: str, what: str = "matrix") -> Response:
        """One table of the story (report/export.py), as a download."""
        check_export(what, fmt)
        body = write_export(export_rows(build_dossier(conn, story_id), what, links), fmt)
        name = export_file_name(story_id, what, fmt)
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
        return Response(body, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse)
    def story(conn: Conn, story_id: str, claims: str = "", since: str = "last",
              verdict: str = "", outlet: str = "", measure: str = "",
              start: Annotated[str, Query(alias="from")] = "",
              end: Annotated[str, Query(alias="to")] = "") -> HTMLResponse:
        limit = None if claims == "all" else CLAIMS_SHOWN
        dossier = build_dossier(conn, story_id, max_articles=STORY_ARTICLES)
        wanted = MatrixFilter(verdict, outlet, measure, start, end)  # the matrix form, no script
        return html("story.html", q="", d=mark_changes(conn, dossier, since, "since"),  # ?since=6h
                    standalone=False, claim_limit=limit, mf=wanted)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article(conn: Conn, article_id: str) -> HTMLResponse:
        view = queries.article_view(conn, article_id)
        if view is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return html("article.html", q="", v=view)

    @app.get("/entity", response_class=HTMLResponse)
    def entity(conn: Conn, name: str = "", id: str = "") -> HTMLResponse:
        view = queries.entity_view(conn, name=name or None, entity_id=id or None)
        if view is None:
            raise HTTPException(404, f"no mentions of {name or id!r}")
        return html("entity.html", q="", v=view)

    @app.get("/conflicts", response_class=HTMLResponse)
    def conflicts(conn: Conn, page: PageNo = 1) -> HTMLResponse:
        p = Page(page, 20, conflict_total(conn))
        return html("conflicts.html", q="", page=p, items=queries.conflicts(conn, p))

    @app.get("/glossary", response_class=HTMLResponse)
    def glossary() -> HTMLResponse:
        return html("glossary.html", q="")

    @app.get("/api/stories")
    def api_stories(conn: Conn, page: PageNo = 1) -> dict[str, Any]:
        p = Page(page, PER_PAGE, story_total(conn))
        return {"ok": True, "page": page, "total": p.total, "stories": queries.list_stories(conn, p)}

    @app.get("/api/stories/{story_id:path}")
    def api_story(conn: Conn, story_id: str) -> Response:
        dossier = build_dossier(conn, story_id, max_articles=STORY_ARTICLES)  # as the page
        body = render_json(dossier, indent=None)  # `report -f json` writes the full one
        return Response(json_bytes(body), media_type="application/json")

    @app.get("/api/search")
    def api_search(conn: Conn, q: str) -> dict[str, Any]:
        rows = [{**r, "snippet": str(r["snippet"])} for r in queries.search(conn, q)]
        return {"ok": True, "query": q, "results": rows}

    return app
