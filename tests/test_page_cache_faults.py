"""Redis shared, down or stalled: pages are always served, uncached while it fails.

The shared-cache tests use Redis at 127.0.0.1:6379 (database 14, a key prefix of their
own); they are skipped, with the reason, where no Redis answers there.
"""

import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.test import Client

from mutuelles_site import page_cache

from .helpers import make_career
from .html_pages import element, page, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

ROOT = Path(__file__).resolve().parent.parent
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")
UNAVAILABLE = "Page cache unavailable"


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "mutuelles_site.redis_cache.SharedRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")


@pytest.fixture(autouse=True)
def fresh_outage(monkeypatch):
    monkeypatch.setattr(page_cache, "outage", page_cache.Outage())


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return port


@pytest.fixture
def stalled_port():
    """A server that accepts connections and never answers, as a stuck Redis would."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


@pytest.fixture
def job():
    return make_career(title_masculine="Gestionnaire", title_feminine="Gestionnaire")


def timed_get(url):
    start = time.monotonic()
    response = Client().get(url)
    return response, time.monotonic() - start


def outage_lines(caplog):
    return [r for r in caplog.records if r.getMessage().startswith(UNAVAILABLE)]


@pytest.mark.parametrize("kind", ["closed_port", "stalled_port"])
def test_pages_are_served_uncached_while_redis_fails_with_one_log_line(
    request, settings, caplog, job, kind
):
    _, normal = timed_get(job.get_absolute_url())
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{request.getfixturevalue(kind)}/0")
    caplog.set_level(logging.WARNING, logger="mutuelles_site.page_cache")
    timings = []
    for _ in range(5):
        response, elapsed = timed_get(job.get_absolute_url())
        assert text(element(page(response), "h1")).startswith("Gestionnaire")
        assert "ETag" not in response
        timings.append(elapsed)
    # The first request waits for the timeout (0.25 s), never for the 1 s stall; the others
    # do not try the cache at all. Their median, not their slowest: one request slowed by a
    # busy machine is not a retry, which would slow every one of them by the timeout.
    assert timings[0] < normal + 0.6, timings
    assert statistics.median(timings[1:]) < normal + 0.2, timings
    assert len(outage_lines(caplog)) == 1


def test_a_content_change_during_an_outage_does_not_fail_the_save(settings, job, closed_port):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port}/0")
    job.title_masculine = "Renommé pendant la panne"
    job.save()
    assert text(element(page(Client().get(job.get_absolute_url())), "h1")).startswith("Renommé")


@needs_redis
def test_the_cache_is_used_again_when_redis_returns(
    settings, caplog, monkeypatch, job, closed_port, django_assert_num_queries
):
    monkeypatch.setattr(page_cache, "RETRY_SECONDS", 0)
    caplog.set_level(logging.WARNING, logger="mutuelles_site.page_cache")
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port}/0")
    assert Client().get(job.get_absolute_url()).status_code == 200
    settings.CACHES = redis_cache(REDIS_TEST_URL)
    first = Client().get(job.get_absolute_url())
    with django_assert_num_queries(0):
        second = Client().get(job.get_absolute_url())
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert any("available again" in r.getMessage() for r in caplog.records)


@needs_redis
def test_a_change_saved_by_another_process_shows_on_this_one(settings, job):
    """Two workers share the version through Redis: one's save, the other's next page."""
    settings.CACHES = redis_cache(REDIS_TEST_URL)
    location, prefix = REDIS_TEST_URL, settings.CACHES["default"]["KEY_PREFIX"]
    etag = Client().get(job.get_absolute_url())["ETag"]
    script = (
        "import django, os; django.setup();"
        "from mutuelles_site.page_cache import content_changed; content_changed()"
    )
    env = {**os.environ, "REDIS_URL": location, "CACHE_KEY_PREFIX": prefix}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "mutuelles_site.settings"},
        check=True,
        timeout=60,
    )
    response = Client().get(job.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def settings_of(**env):
    names = ("REDIS_URL", "DATABASE_URL", "DJANGO_ENV", "PAGE_CACHE")
    clean = {k: v for k, v in os.environ.items() if k not in names}
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps({**settings.CACHES['default'], 'PAGES': settings.PAGE_CACHE}))"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mutuelles_site.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_redis_url_selects_a_shared_redis_cache_with_short_timeouts():
    result = settings_of(REDIS_URL="redis://cache.internal:6379/2")
    cache = json.loads(result.stdout)
    assert cache["BACKEND"] == "mutuelles_site.redis_cache.SharedRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"
    assert cache["OPTIONS"]["socket_timeout"] <= 0.5
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 0.5


def test_without_redis_url_each_process_keeps_its_own_memory_cache():
    cache = json.loads(settings_of().stdout)
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_malformed_redis_url_refuses_to_start():
    result = settings_of(REDIS_URL="cache.internal:6379")
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr


PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k8Hq2-vL9pZr7mXwY4tB6nC1dF3gJ5sA0eU-iO_Vk2Lq9RzTx8Wy7Pm6Nb5Ha4Gc",
    "ALLOWED_HOSTS": "metiers-mutuelles.example.org",
    "DATABASE_URL": "postgres://guide@db.internal:5432/guide",
}


def test_production_caches_pages_only_in_a_cache_every_worker_shares():
    # With a memory cache per worker, one worker would keep pages another's editor changed.
    assert json.loads(settings_of(**PRODUCTION).stdout)["PAGES"] is False
    shared = settings_of(**PRODUCTION, REDIS_URL="redis://cache.internal:6379/0")
    assert json.loads(shared.stdout)["PAGES"] is True
