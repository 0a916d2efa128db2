"""Browser suite: the real site, served by pytest-django's live server, seen by headless Chromium.

One browser for the whole session; each test opens its own contexts (cheap) so settings such as
the viewport width, JavaScript or reduced motion never leak from one test to the next.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_itemcollected(item):
    """Mark this suite `browser`, so that `pytest -m "not browser"` runs everything else."""
    if item.path.is_relative_to(HERE):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run this suite last: it is the slowest, and each of its tests ends by emptying every table
    (transactional_db), rows written by data migrations included, which later tests expect.
    """
    browser_tests = [item for item in items if item.path.is_relative_to(HERE)]
    items[:] = [item for item in items if item not in browser_tests] + browser_tests


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: `apt-get install -y chromium`, or set CHROMIUM")
    # Playwright's sync API keeps an asyncio loop alive in this thread, which makes Django refuse
    # ORM calls from the tests and from pytest-django's own database fixtures with
    # SynchronousOnlyOperation. The calls are not concurrent: the database is used only while no
    # page is loading. Set while the browser lives, that is during this suite, which runs last:
    # `check --deploy`, run by another test in a subprocess, rejects the variable.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, serving the real content as `make run` loads it.

    live_server needs a transactional database (the server thread cannot see data inside the
    test's transaction), and transactional_db empties every table after each test, so the
    content is loaded again for each test: a third of a second on SQLite, a second on
    PostgreSQL. Hence few browser tests, each checking much.
    """
    call_command("load_content", verbosity=0)
    return live_server.url


@pytest.fixture
def open_page(browser, site):
    """open_page(path, width=…) -> a Playwright page that has loaded `path` on the live site.

    The context bypasses the Content Security Policy so that axe-core can be injected even once
    the production CSP forbids injected scripts; the site itself runs no JavaScript.
    """
    contexts = []

    def open_page(
        path,
        *,
        width=1280,
        status=200,
        javascript=True,
        reduced_motion="no-preference",
        media="screen",
    ):
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            bypass_csp=True,
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
            locale="fr-FR",
        )
        contexts.append(context)
        page = context.new_page()
        page.emulate_media(media=media)
        response = page.goto(site + path)
        assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts():
    """test-artifacts/ (git-ignored): screenshots and saved HTML, to look at after a run."""
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "html").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
