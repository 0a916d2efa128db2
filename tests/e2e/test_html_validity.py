"""The Nu HTML Checker (vnu.jar, the W3C validator) finds no error in any page type.

The pages are fetched with Django's test client (the HTML is the same the browser gets) and
checked in one Java run: starting the JVM costs seconds, checking a page costs milliseconds.
"""

import json
import shutil
import subprocess
from collections import defaultdict

from django.template.loader import render_to_string

from .conftest import ROOT
from .pages import PAGE_TYPES

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_messages(paths):
    assert shutil.which("java"), "No java on PATH: `apt-get install -y default-jre-headless`"
    assert VNU.exists(), f"No {VNU}: run `npm ci`"
    run = subprocess.run(
        [
            "java",
            # A short run: the quick JIT alone halves the time (8 s to 4 s on two cores). Its
            # frames are larger, and vnu's schema recursion then needs a bigger thread stack.
            "-XX:TieredStopAtLevel=1",
            "-Xss16m",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # vnu exits 1 when it finds errors, which the caller reports; anything else is a crash.
    assert run.returncode in (0, 1), f"vnu.jar failed ({run.returncode}):\n{run.stderr}"
    return json.loads(run.stdout)["messages"]


def test_every_page_type_is_valid_html(client, brochure, artifacts):
    pages = {}
    for page_type in PAGE_TYPES:
        response = client.get(page_type.path)
        assert response.status_code == page_type.status, page_type.path
        pages[page_type.name] = (page_type.path, response.content.decode())
    # No URL leads to the server-error page on purpose; Django renders it with no context.
    pages["server-error"] = ("500.html", render_to_string("500.html"))

    files = {}
    for name, (source, html) in pages.items():
        path = artifacts / "html" / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path.resolve())] = f"{name} ({source}), saved as test-artifacts/html/{path.name}"

    errors = defaultdict(list)
    for message in vnu_messages(files):
        if message["type"] in ("error", "non-document-error"):
            # vnu names a file "file:/abs/path"; a message without a file is about the run.
            page = files.get(message.get("url", "").removeprefix("file:"), "vnu.jar")
            where = f"line {message.get('lastLine', '?')}: {message.get('extract', '').strip()}"
            errors[page].append(f"    - {message['message']}\n      at {where}")
    report = [f"  {page}:\n" + "\n".join(lines) for page, lines in errors.items()]
    assert not report, "The Nu HTML Checker finds errors:\n" + "\n".join(report)
