"""An editor who forgot their password gets a new one by mail, through Django's own pages."""

import re

import pytest
from django.contrib.auth.models import User
from pytest_django.asserts import assertContains

from tests.test_production_settings import PRODUCTION, settings_in

from .html_pages import element, page, texts

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-tout-nouveau-secret-2024"
LINK = re.compile(r"http://testserver(/admin/reset/[\w-]+/[\w-]+/)")
INVALID_LINK = "Le lien de mise à jour du mot de passe n’était pas valide"
SENT = "Nous vous avons envoyé par courriel les instructions"


def paragraph_starting(start, html):
    """The one paragraph of the admin page's content that begins with `start`."""
    (found,) = [p for p in texts(element(html, "div", id="content"), "p") if p.startswith(start)]
    return found


@pytest.fixture
def edith():
    return User.objects.create_user(
        "edith", email="edith@example.org", password="oublie-depuis-longtemps", is_staff=True
    )


def ask_for_a_link(client, email):
    return client.post("/admin/password_reset/", {"email": email})


def test_the_admin_login_page_offers_a_password_reset(client):
    link = (
        '<a href="/admin/password_reset/">Identifiants de connexion oubliés\N{NO-BREAK SPACE}?</a>'
    )
    assertContains(client.get("/admin/login/"), link, html=True)
    form = page(client.get("/admin/password_reset/"))
    intro = paragraph_starting("Mot de passe perdu ?", form)
    assert "Saisissez votre adresse électronique ci-dessous" in intro
    assert texts(form, "div", id="site-name") + texts(form, "h1", id="site-name") == [
        "Les métiers des mutuelles : administration"
    ]


def test_an_editor_resets_the_password_from_the_mailed_link_and_logs_in(client, edith, mailoutbox):
    response = ask_for_a_link(client, "Edith@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    assert paragraph_starting(SENT, page(client.get(response["Location"])))

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["edith@example.org"]
    assert mail.subject == "Réinitialisation du mot de passe sur testserver"
    assert "Veuillez vous rendre sur cette page et choisir un nouveau mot de passe" in mail.body
    link = LINK.search(mail.body)[1]

    # Django moves the token into the session and answers a URL without it.
    form_url = client.get(link)["Location"]
    form = client.get(form_url)
    assert paragraph_starting("Saisissez deux fois votre nouveau mot de passe", page(form))
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/admin/reset/done/"
    assert paragraph_starting("Votre mot de passe a été défini", page(client.get(done["Location"])))

    login = client.post("/admin/login/", {"username": "edith", "password": NEW_PASSWORD})
    assert login.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_used_link_no_longer_works(client, edith, mailoutbox):
    ask_for_a_link(client, "edith@example.org")
    link = LINK.search(mailoutbox[0].body)[1]
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert paragraph_starting(INVALID_LINK, page(client.get(link, follow=True)))


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, edith, mailoutbox):
    known = ask_for_a_link(client, "edith@example.org")
    unknown = ask_for_a_link(client, "personne@example.org")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "account",
    [
        pytest.param({"is_staff": False}, id="not-an-editor"),
        pytest.param({"is_staff": True, "is_active": False}, id="inactive-editor"),
        pytest.param({"is_staff": True, "password": None}, id="editor-without-password"),
    ],
)
def test_no_mail_goes_to_anyone_who_cannot_use_the_admin(client, mailoutbox, account):
    User.objects.create_user("visiteur", email="visiteur@example.org", **account)
    response = ask_for_a_link(client, "visiteur@example.org")
    assert response["Location"] == "/admin/password_reset/done/"
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("uid", "token"),
    [
        pytest.param("{uid}", "{token}0", id="token"),
        pytest.param("MTIzNDU2", "{token}", id="another-user"),
        pytest.param("pas-un-id", "{token}", id="garbage-uid"),
        pytest.param("{uid}", "set-password", id="no-token-in-session"),
    ],
)
def test_a_tampered_link_shows_the_invalid_link_page(client, edith, mailoutbox, uid, token):
    ask_for_a_link(client, "edith@example.org")
    mailed_uid, mailed_token = LINK.search(mailoutbox[0].body)[1].split("/")[3:5]
    url = f"/admin/reset/{uid.format(uid=mailed_uid)}/{token.format(token=mailed_token)}/"
    assert paragraph_starting(INVALID_LINK, page(client.get(url, follow=True)))
    refused = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert paragraph_starting(INVALID_LINK, page(refused))
    edith.refresh_from_db()
    assert not edith.check_password(NEW_PASSWORD)


SMTP = (
    "s.EMAIL_BACKEND",
    "s.EMAIL_HOST",
    "s.EMAIL_PORT",
    "s.EMAIL_USE_TLS",
    "s.DEFAULT_FROM_EMAIL",
)


def test_mail_is_printed_on_the_console_by_default():
    assert settings_in({"EMAIL_HOST": ""}, "s.EMAIL_BACKEND") == [
        "django.core.mail.backends.console.EmailBackend"
    ]


def test_an_email_host_sends_mail_over_smtp_with_tls_on_port_587():
    env = {"EMAIL_HOST": "smtp.example.org", "DEFAULT_FROM_EMAIL": "guide@example.org"}
    assert settings_in(env, *SMTP) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "True",
        "guide@example.org",
    ]


def test_production_sends_mail_over_smtp_even_without_an_email_host():
    assert settings_in({**PRODUCTION, "EMAIL_HOST": ""}, *SMTP[:4]) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "localhost",
        "587",
        "True",
    ]


def test_the_smtp_port_and_tls_come_from_the_environment():
    env = {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "465", "EMAIL_USE_TLS": "false"}
    assert settings_in({**PRODUCTION, **env}, *SMTP[1:4]) == ["smtp.example.org", "465", "False"]
