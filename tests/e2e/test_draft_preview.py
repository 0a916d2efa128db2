"""An editor's preview of unpublished pages, in real Chromium: the banner keeps the page
accessible (axe, at desktop and phone widths) and fits a phone (no sideways scroll, tap targets)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.test import Client

from careers.models import Career, Family
from diplomas.models import Diploma

from .axe import axe_violations, describe
from .phone import phone_problems

DRAFTS = {
    # A draft job whose family is unpublished too: the banner's longest list.
    "job": ("/metiers/webmestre/", "autres-metiers"),
    "cqp": ("/formations/cqp-conseiller-mutualiste/", None),
}


def log_in_as_editor(context, site):
    user = User.objects.create_user("edith", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_career", "view_family", "view_diploma"])
    )
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


@pytest.mark.parametrize("name", DRAFTS)
def test_a_draft_preview_is_accessible_and_fits_a_phone(name, browser, site):
    path, family = DRAFTS[name]
    slug = path.rstrip("/").rsplit("/", 1)[1]
    Career.objects.filter(slug=slug).update(is_published=False)
    Diploma.objects.filter(slug=slug).update(is_published=False)
    Family.objects.filter(slug=family).update(is_published=False)
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, bypass_csp=True, locale="fr-FR"
    )
    try:
        log_in_as_editor(context, site)
        page = context.new_page()
        assert page.goto(site + path).status == 200
        assert "Brouillon, invisible au public" in page.locator("main").inner_text()
        report = []
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 800})
            if violations := axe_violations(page):
                report.append(f"axe at {width} px:")
                report.extend(describe(violations))
        for width in (375, 320):
            page.set_viewport_size({"width": width, "height": 800})
            report.extend(f"phone at {width} px: {problem}" for problem in phone_problems(page))
        assert not report, f"{path}:\n" + "\n".join(report)
    finally:
        context.close()
