"""Takes the README's screenshot of the web UI's story page, from a real run.

Runs ``wirecheck run`` on the bundled example corpus into a scratch store, starts
``wirecheck serve`` on a free loopback port, opens the story page in Debian's Chromium
(Playwright) and saves the top of it as ``docs/img/story.png``.

    .venv/bin/python scripts/screenshot.py [--width 1400] [--height 900]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "img" / "story.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _wirecheck(db: Path, *args: str, cwd: Path) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "wirecheck", "--quiet", "--db", str(db), *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("wirecheck serve exited before it answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"wirecheck serve did not answer at {url}")


def _story_id(db: Path, cwd: Path) -> str:
    stories = json.loads(_wirecheck(db, "stories", "--json", cwd=cwd))
    rows = stories["stories"] if isinstance(stories, dict) else stories
    return str(rows[0]["id"])


def screenshot(out: Path = OUT, width: int = 1400, height: int = 900) -> Path:
    """Run, serve, and save the story page's first screen to ``out``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "wirecheck.db"
        _wirecheck(db, "run", "--out", str(work / "report"), cwd=work)
        story = _story_id(db, work)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "wirecheck", "--quiet", "--db", str(db), "serve",
             "--port", str(port)], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base + "/", server)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": width, "height": height})
                answer = page.goto(f"{base}/stories/{story}", wait_until="networkidle")
                if answer is None or answer.status != 200:
                    raise RuntimeError(f"the story page answered {answer and answer.status}")
                page.locator("h1").first.wait_for()
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(screenshot(args.out, args.width, args.height))


if __name__ == "__main__":
    main()
