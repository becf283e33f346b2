"""Reviews from the web UI: a form per fact and its POST, guarded by a CSRF token.

Only when the server was started with ``wirecheck serve --allow-reviews``; otherwise the UI
stays read-only and these routes answer 403. The token is an HMAC of the story and fact
under a secret made when the app starts, so a page from elsewhere cannot post a review; a
request whose Origin is another site is refused too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from wirecheck.errors import WirecheckError

MAX_FORM_BYTES = 64 * 1024


class ReviewsOff(WirecheckError):
    """Reviews were not allowed when the server started."""


class BadToken(WirecheckError):
    """The form's CSRF token is missing or wrong, or it came from another site."""


@dataclass(frozen=True)
class ReviewForm:
    """A posted review, as the form sends it."""

    fact: str
    action: str
    token: str
    claims: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class ReviewGuard:
    """Whether reviews are allowed, and the secret their tokens are made with."""

    allowed: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def check_allowed(self) -> None:
        if not self.allowed:
            raise ReviewsOff("this UI is read-only: start it with `wirecheck serve "
                             "--allow-reviews` to review facts")

    def token(self, story_id: str, fact_id: str) -> str:
        message = f"review\n{story_id}\n{fact_id}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def check(self, story_id: str, form: ReviewForm, origin: str | None, host: str | None) -> None:
        """Raise BadToken unless the token is ours and the request came from this site."""
        self.check_allowed()
        if origin and origin != "null" and urlsplit(origin).netloc != (host or ""):
            raise BadToken(f"refused: a review posted from {origin}, not from this site")
        if not hmac.compare_digest(form.token, self.token(story_id, form.fact)):
            raise BadToken("refused: the form's token is missing or stale (reload the page)")


def parse_form(body: bytes) -> ReviewForm:
    """An ``application/x-www-form-urlencoded`` review (bounded; one-line errors)."""
    if len(body) > MAX_FORM_BYTES:
        raise WirecheckError(f"review form over {MAX_FORM_BYTES // 1024} KB")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=1000)
    except (UnicodeDecodeError, ValueError) as exc:
        raise WirecheckError(f"unreadable review form: {exc}") from None
    one = {k: v for k, v in pairs}
    return ReviewForm(fact=one.get("fact", ""), action=one.get("action", ""),
                      token=one.get("csrf", ""), claims=[v for k, v in pairs if k == "claim"],
                      note=one.get("note") or None)
