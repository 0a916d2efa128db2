"""Two servers, one PostgreSQL and one Redis: an editor's change on one is served by the
other on its very next request.

Runs whatever DATABASE_URL the suite uses: it creates its own throwaway PostgreSQL
database at 127.0.0.1:5432 (user postgres) and uses Redis database 14 under a key prefix of
its own, and is skipped, saying which, when either is not there. Bounded: every step has a
timeout and the whole test takes well under a minute.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest

from .admin_pages import form_data
from .html_pages import element, page, text

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("SCALE_OUT_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("SCALE_OUT_REDIS", "redis://127.0.0.1:6379/14")
PASSWORD = "un-mot-de-passe-solide"


def reachable(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(not reachable(5432), reason="needs PostgreSQL at 127.0.0.1:5432"),
    pytest.mark.skipif(not reachable(6379), reason="needs Redis at 127.0.0.1:6379"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database():
    name = f"scaleout_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG}/{name}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def environment(database):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "mutuelles_site.settings",
        "DATABASE_URL": database,
        "REDIS_URL": REDIS,
        "CACHE_KEY_PREFIX": f"scaleout-{uuid.uuid4().hex[:8]}",
        "ALLOWED_HOSTS": "127.0.0.1",
    }

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
            capture_output=True,
        )

    manage("migrate", "--noinput")
    manage("load_content")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser('edith', 'edith@example.org', '{PASSWORD}')",
    )
    return env


@pytest.fixture
def servers(environment):
    """Two gunicorn instances, each with its own port and worker, on the same data."""
    started = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "mutuelles_site.wsgi", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "30", "--no-control-socket"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append((process, f"http://127.0.0.1:{port}"))
    try:
        deadline = time.monotonic() + 30
        for process, _ in started:
            while not reachable(int(_.rsplit(":", 1)[1])):
                assert process.poll() is None, "gunicorn exited"
                assert time.monotonic() < deadline, "gunicorn did not start within 30 s"
                time.sleep(0.2)
        yield [address for _, address in started]
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


class Browser:
    """A visitor with their own cookies, talking to one server."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return SimpleNamespace(content=response.read(), url=response.url)

    def post(self, path, data, referer):
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(data, doseq=True).encode(),
            headers={"Origin": self.base, "Referer": self.base + referer},
        )
        with self.opener.open(request, timeout=10) as response:
            return SimpleNamespace(content=response.read(), url=response.url)


def heading(response):
    return text(element(page(SimpleNamespace(status_code=200, content=response.content)), "h1"))


def test_an_editors_change_on_one_server_is_served_by_the_other_at_once(servers, environment):
    server_a, server_b = servers
    visitor = Browser(server_b)
    assert heading(visitor.get("/metiers/actuaire/")) == "Actuaire"
    assert heading(visitor.get("/metiers/actuaire/")) == "Actuaire"  # now from the cache

    editor = Browser(server_a)
    login = editor.get("/admin/login/")
    editor.post(
        "/admin/login/?next=/admin/",
        {**form_data(login), "username": "edith", "password": PASSWORD},
        "/admin/login/",
    )
    with psycopg.connect(environment["DATABASE_URL"]) as conn:
        (pk,) = conn.execute("SELECT id FROM careers_career WHERE slug = 'actuaire'").fetchone()
    change_path = f"/admin/careers/career/{pk}/change/"
    form = editor.get(change_path)
    saved = editor.post(
        change_path, form_data(form, title_masculine="Actuaire conseil"), change_path
    )
    assert saved.url.endswith("/admin/careers/career/"), saved.url

    assert heading(visitor.get("/metiers/actuaire/")).startswith("Actuaire conseil")
