"""Whole-page cache and conditional GET for anonymous visitors of the public pages.

Public pages change only when content changes, so a page is stored under its address with the
*content version* it was rendered for: a random token and its timestamp kept in the shared
cache (Redis with REDIS_URL). One read brings the version and the page.
Any change to content (a save or delete of a model in PAGE_CACHE_CONTENT, raw ones from
loaddata and reverts included, an admin POST, a search index rebuild) replaces the version
when its transaction commits; every worker of every server reads the version on each
request, so all of them serve current pages at once; a page of an old version is rendered
anew and replaces it.

The same version gives each page its ETag and Last-Modified, so a revalidation of a stored
page is answered 304 before any view runs (a page not stored yet, once rendered: a redirect
or a 404 never is). A code release changes the ETag too
(`release()`), since templates may have changed while the content did not.

Only requests that cannot be personal are served from the cache or stored: GET or HEAD,
no session or messages cookie, outside PAGE_CACHE_SKIPPED_PATHS (the admin, the selection,
the throttled API), no empty parameter (the lists redirect those to their one address). A
response is stored only if it is a 200 that sets no cookie and no view marked private.

The cache is an optimisation, never a dependency: any error from it (Redis down, or stalled
past its socket timeout) serves the page uncached, logs once per outage, and leaves the
cache alone for a few seconds before trying again.
"""

import hashlib
import logging
import secrets
import threading
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
# A page not asked for again within a day leaves the cache.
PAGE_TIMEOUT = 24 * 60 * 60
# After a cache error, how long pages are served without trying the cache at all.
RETRY_SECONDS = 5
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


@lru_cache(maxsize=1)
def release():
    """A digest of the code and templates: a new release gets new ETags and new pages."""
    root = Path(settings.BASE_DIR)
    tops = {"mutuelles_site", "templates", "static", *settings.INSTALLED_APPS}
    digest = hashlib.sha256()
    for top in sorted(tops):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class Outage:
    """Whether the cache is usable, with one log line when it fails and one when it returns."""

    def __init__(self):
        self.lock = threading.Lock()
        self.since = None
        self.retry_at = 0.0

    def usable(self):
        return self.since is None or time.monotonic() >= self.retry_at

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            if self.since is None:
                self.since = now
                logger.warning(
                    "Page cache unavailable (%s: %s); pages are served uncached until it answers",
                    type(error).__name__,
                    error,
                )
            self.retry_at = now + RETRY_SECONDS

    def answered(self):
        if self.since is None:
            return
        with self.lock:
            if self.since is None:
                return
            down = time.monotonic() - self.since
            self.since = None
        logger.warning("Page cache available again after %.0f s", down)
        # A change saved during the outage could not replace the version: replace it now.
        _replace_version()


outage = Outage()


def _guarded(operation, *args):
    """`operation(*args)` on the cache, or None when the cache fails or is known to be down."""
    if not outage.usable():
        return None
    try:
        result = operation(*args)
    except Exception as error:  # any backend error: the page is served without the cache
        outage.failed(error)
        return None
    outage.answered()
    return result


def _replace_version():
    try:
        cache.set(VERSION_KEY, (secrets.token_hex(8), time.time()), None)
    except Exception as error:
        outage.failed(error)


def content_changed():
    """Replace the content version now and again when the transaction commits.

    Now, so that a page rendered later in the same transaction (tests) is not the old one;
    at commit, because a page rendered in between from the old rows may have been stored
    under the interim version.
    """
    _replace_version()
    transaction.on_commit(_replace_version)


def _is_content(model):
    label = model._meta.label
    return any(
        label == name or model._meta.app_label == name for name in settings.PAGE_CACHE_CONTENT
    )


def _on_save_or_delete(sender, **kwargs):
    if _is_content(sender):
        content_changed()


def _on_m2m(sender, action, **kwargs):
    if action.startswith("post_") and _is_content(kwargs["model"]):
        content_changed()


def connect_signals():
    # Raw saves (loaddata, reversion's revert and recover) count too.
    post_save.connect(_on_save_or_delete, dispatch_uid="page_cache_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="page_cache_m2m")


def current_version(page_key=None):
    """(etag, last_modified, stored) of the current content and release, with what the
    cache holds under `page_key` (None without one), read in one round trip; None without
    a cache."""
    release_key = f"page-cache:release:{release()}"
    keys = [VERSION_KEY, release_key] + ([page_key] if page_key else [])
    found = _guarded(cache.get_many, keys)
    if found is None:
        return None
    version, released = found.get(VERSION_KEY), found.get(release_key)
    if version is None:
        # An empty cache (first start, Redis restarted): the first worker's version wins.
        _guarded(cache.add, VERSION_KEY, (secrets.token_hex(8), time.time()), None)
        version = _guarded(cache.get, VERSION_KEY)
    if released is None:
        _guarded(cache.add, release_key, time.time(), None)
        released = _guarded(cache.get, release_key)
    if version is None or released is None:
        return None
    token, changed_at = version
    etag = f'W/"{release()}-{token}"'
    return etag, int(max(changed_at, released)), found.get(page_key) if page_key else None


def _normalised_url(request):
    """Scheme, host, path and the non-empty parameters sorted by name (values keep their
    order: `?m=a&m=b` compares a then b)."""
    items = sorted(
        ((name, value) for name, values in request.GET.lists() for value in values),
        key=lambda item: item[0],
    )
    return f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(items)}"


def _may_be_public(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    if request.path.startswith(tuple(f"/{path}" for path in settings.PAGE_CACHE_SKIPPED_PATHS)):
        return False
    # Empty parameters are redirected to the address without them, not served.
    return all(value != "" for _, values in request.GET.lists() for value in values)


def _not_modified(request, etag, last_modified):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        return "*" in tags or etag.removeprefix("W/") in {t.removeprefix("W/") for t in tags}
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified <= since


def _mark_public(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_MAX_AGE,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
    # A proxy must not hand the anonymous page to an editor, who may see a draft there.
    patch_vary_headers(response, ["Cookie"])


def _not_modified_response(etag, last_modified):
    response = HttpResponseNotModified()
    _mark_public(response, etag, last_modified)
    return response


def _storable(response):
    # Requests with a session never get here: nobody is logged in.
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = response.get("Cache-Control", "")
    return not any(word in directives for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serves and stores whole public pages; answers revalidations with 304.

    Sits inside the security middleware, which adds its headers to cached pages as to fresh
    ones; outside CSP, whose policy (no nonce) is stored with the page; outside the session,
    so a hit touches no database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not _may_be_public(request):
            response = self.get_response(request)
            self._after_personal(request, response)
            return response
        # A page is stored under its address with the version it was rendered for: one
        # read brings the version and the page, and a new version leaves it unused.
        key = "page-cache:page:" + hashlib.sha256(_normalised_url(request).encode()).hexdigest()
        version = current_version(key)
        if version is None:
            return self.get_response(request)
        etag, last_modified, stored = version
        # A 304 only for an address that answers a public 200: one ETag serves every page,
        # so a redirect or a 404 must not be confirmed by it. A stored page is a 200.
        if stored is not None and stored[0] == etag:
            if _not_modified(request, etag, last_modified):
                return _not_modified_response(etag, last_modified)
            _etag, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _storable(response):
            _mark_public(response, etag, last_modified)
            headers = list(response.items())
            _guarded(
                cache.set,
                key,
                (etag, response.status_code, headers, response.content),
                PAGE_TIMEOUT,
            )
            if _not_modified(request, etag, last_modified):
                return _not_modified_response(etag, last_modified)
        elif response.cookies and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response

    def _after_personal(self, request, response):
        # Read from cookies only: request.user would load the session, which may fail.
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if request.method not in ("GET", "HEAD"):
            if (
                has_session
                and response.status_code == 302
                and request.path.startswith(f"/{settings.ADMIN_URL}")
            ):
                # An editor's successful admin save, delete or action. Actions may change
                # content with queryset.update(), which sends no signal.
                content_changed()
            return
        personal = response.cookies or any(name in request.COOKIES for name in PERSONAL_COOKIES)
        if personal and not response.has_header("Cache-Control"):
            # Never kept by a shared cache. Pages personal in themselves (the selection, a
            # draft preview, the admin) also forbid the browser to store them.
            patch_cache_control(response, private=True)
