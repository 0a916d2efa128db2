"""Every response carries the security headers; the admin still works under the CSP."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

from .html_pages import element, page

pytestmark = pytest.mark.django_db

PAGES = ["/metiers/", "/admin/", "/admin/careers/career/add/"]


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("root", password="un-mot-de-passe-solide"))
    return client


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", PAGES)
def test_each_page_sends_a_strict_content_security_policy(superuser_client, url):
    response = superuser_client.get(url)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "base-uri" in directives
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_sends_the_browser_hardening_headers(superuser_client, url):
    response = superuser_client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", PAGES)
def test_https_responses_send_hsts_in_production(superuser_client, settings, url):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = superuser_client.get(url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_the_admin_login_page_carries_the_headers_and_no_inline_code(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    assert finder.blocked == []


def test_the_error_pages_carry_the_headers_too(client):
    response = client.get("/metiers/nexiste-pas/")
    assert response.status_code == 404
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_session_and_csrf_cookies_are_httponly_samesite_and_secure_in_production(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    User.objects.create_superuser("root", password="un-mot-de-passe-solide")
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": "root", "password": "un-mot-de-passe-solide"}
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name
        assert cookie["secure"] is True, name


class InlineCodeFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.blocked = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # A script of a data type (JSON, schema.org JSON-LD) is a data block: never run,
        # so the policy does not apply to it.
        data_block = attrs.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and "src" not in attrs and not data_block:
            self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style> element")
        if "style" in attrs:
            self.blocked.append(f'<{tag} style="{attrs["style"]}">')
        self.blocked.extend(f"{name} on <{tag}>" for name in attrs if name.startswith("on"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/metiers/",
        "/formations/",
        "/admin/",
        "/admin/password_change/",
        # Inlines and prepopulated slugs: the admin's most script-heavy forms.
        "/admin/careers/career/add/",
        "/admin/diplomas/diploma/add/",
        "/admin/diplomas/cqp/add/",
        "/admin/careers/career/",
    ],
)
def test_pages_have_no_inline_code_the_policy_would_block(superuser_client, url):
    response = superuser_client.get(url)
    assert response.status_code == 200
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    assert finder.blocked == []


def test_the_admin_prepopulates_slugs_from_data_attributes_not_inline_script(superuser_client):
    html = page(superuser_client.get("/admin/careers/career/add/"))
    constants = element(html, "script", id="django-admin-prepopulated-fields-constants")
    assert dict(constants.attributes)["src"] == "/static/admin/js/prepopulate_init.js"
    assert dict(constants.attributes)["data-prepopulated-fields"]
