"""With the database gone the site answers a French 503, and comes back by itself."""

import logging
import socket
from contextlib import contextmanager

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import OperationalError, connection, connections
from django.test import Client

from .html_pages import page, texts

pytestmark = pytest.mark.django_db

POSTGRES_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a PostgreSQL server to stop and restart (set DATABASE_URL=postgres://…)",
)


def closed_port():
    # A port the kernel just handed out and nothing listens on any more.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unreachable(settings_dict):
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return {**settings_dict, "NAME": "/proc/pas-de-base-ici/db.sqlite3"}
    return {**settings_dict, "HOST": "127.0.0.1", "PORT": closed_port()}


@contextmanager
def database_down():
    """Point the site at a database that refuses connections, then put the real one back."""
    real = connections["default"]
    broken = type(real)(unreachable(real.settings_dict), alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        connections["default"] = real
        broken.close()


def assert_is_the_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = page(response, status=503)
    assert dict(html.attributes)["lang"] == "fr"
    assert texts(html, "h1") == ["Site momentanément indisponible"]
    assert b"Traceback" not in response.content
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/metiers/", "/formations/bts/", "/temoignages/"])
def test_a_lost_database_gives_a_french_503_then_the_site_recovers(client, url, caplog):
    with database_down(), caplog.at_level(logging.ERROR):
        assert_is_the_outage_page(client.get(url))
    assert "Database unavailable" in caplog.text
    assert client.get("/").status_code == 200


def test_a_logged_in_editor_gets_the_503_in_the_admin_too(client, editor):
    with database_down():
        assert_is_the_outage_page(client.get("/admin/careers/career/"))
    assert client.get("/admin/careers/career/").status_code == 200


def test_a_database_error_in_a_middleware_also_gives_the_503(monkeypatch):
    def fail(self, request):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionMiddleware, "process_request", fail)
    assert_is_the_outage_page(Client(raise_request_exception=False).get("/"))


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_going_away_and_coming_back(client):
    """The same connection object reconnects on its own once the server answers again."""
    db = connections["default"]
    port = db.settings_dict["PORT"]
    assert client.get("/metiers/").status_code == 200
    db.close()
    db.settings_dict["PORT"] = closed_port()
    try:
        assert_is_the_outage_page(client.get("/metiers/"))
        assert_is_the_outage_page(client.get("/metiers/"))
    finally:
        db.settings_dict["PORT"] = port
    assert client.get("/metiers/").status_code == 200
