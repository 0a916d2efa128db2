"""Password guessing is locked out per (username, address), and the admin can move elsewhere."""

import importlib

import pytest
from django.contrib.auth.models import User
from django.urls import clear_url_caches

from .html_pages import element, hrefs, page, texts

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture
def staff():
    return User.objects.create_user("edith", password=PASSWORD, is_staff=True)


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client, settings, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "edith", "devine").status_code == 200
    assert log_in(client, "edith", "devine").status_code == 429
    response = log_in(client, "edith", PASSWORD)
    assert response.status_code == 429
    html = page(response, status=429)
    assert texts(html, "h1") == ["Connexion bloquée"]
    assert "est bloquée pendant 30 minutes." in texts(element(html, "main"), "p")[0]
    assert response["Retry-After"] == "1800"
    assert "_auth_user_id" not in client.session


def test_five_failures_from_one_address_leave_the_editor_free_elsewhere(client, settings, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "edith", "devine")
    assert log_in(client, "edith", PASSWORD, address="198.51.100.1").status_code == 302


def test_a_locked_editor_does_not_lock_out_others_at_the_same_address(client, settings, staff):
    User.objects.create_user("marc", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "edith", "devine")
    assert log_in(client, "marc", PASSWORD).status_code == 302


def test_each_username_tried_from_an_address_is_counted_on_its_own(client, settings, staff):
    for n in range(settings.AXES_FAILURE_LIMIT):
        assert log_in(client, f"inconnu{n}", "devine").status_code == 200
    assert log_in(client, "edith", PASSWORD).status_code == 302


def test_a_good_login_before_the_limit_clears_the_failures(client, settings, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "edith", "devine")
    assert log_in(client, "edith", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "edith", "devine")
    assert log_in(client, "edith", PASSWORD).status_code == 302


def test_the_test_client_login_still_works_with_axes(client, staff):
    # Django's client.login() authenticates without a request; axes must not get in the way.
    assert client.login(username="edith", password=PASSWORD)


@pytest.fixture
def admin_url(settings):
    def move(url):
        settings.ADMIN_URL = url
        importlib.reload(importlib.import_module(settings.ROOT_URLCONF))
        clear_url_caches()

    yield move
    move("admin/")


def test_the_admin_moves_with_the_admin_url_setting(client, admin_url, staff):
    admin_url("gestion-du-guide/")
    assert client.get("/gestion-du-guide/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


def test_the_password_reset_moves_with_the_admin(client, admin_url):
    admin_url("gestion-du-guide/")
    assert "/gestion-du-guide/password_reset/" in hrefs(
        page(client.get("/gestion-du-guide/login/"))
    )
    assert client.get("/gestion-du-guide/password_reset/").status_code == 200
    assert client.get("/admin/password_reset/").status_code == 404
