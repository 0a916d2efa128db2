"""Editing comfort in the browser: the slug prefill gives the slug the server would give, and
the "+" beside a plain select adds an item in a popup and selects it.

Pages run under the site's real Content Security Policy (no bypass): the admin's scripts and
ours are static files, and these tests prove they run.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from careers.models import Career, Family
from diplomas.models import Diploma, Speciality
from mutuelles_site.slugs import slugify_fr

TITLE = "Œnologue d’hôpital"


def job():
    return Career.objects.get(slug="technicien-en-prestations")


def logged_in_page(browser, site):
    user = User.objects.create_superuser("admin", password="un-mot-de-passe-solide")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(locale="fr-FR")
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])
    return context.new_page()


def brochure_titles():
    """Every text a slug of the brochure is made from, as the admin's prefill joins them."""
    return [
        *Family.objects.values_list("name", flat=True),
        *Career.objects.values_list("title_masculine", flat=True),
        *(
            f"{career.testimonial.first_name} {career.testimonial.employer}"
            for career in Career.objects.exclude(testimonial=None).select_related("testimonial")
        ),
        *Diploma.objects.values_list("short_name", flat=True),
        *Speciality.objects.values_list("name", flat=True),
    ]


def test_typing_a_french_title_prefills_the_slug_the_server_would_give(browser, site):
    page = logged_in_page(browser, site)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site + reverse("admin:careers_career_add"))

    page.fill("#id_title_masculine", TITLE)
    page.press("#id_title_masculine", "Tab")

    assert page.input_value("#id_slug") == "oenologue-dhopital" == slugify_fr(TITLE)
    # Every slug the brochure's content would be given, by the browser and by the server.
    samples = [*brochure_titles(), "Cœur d'Ægée", "Straße à l’œil", "  Chargé - d’études  "]
    in_browser = page.evaluate("samples => samples.map(s => URLify(s, 80, false))", samples)
    assert dict(zip(samples, in_browser, strict=True)) == {s: slugify_fr(s, 80) for s in samples}
    assert errors == []
    page.context.close()


def test_the_plus_beside_a_rows_speciality_adds_one_in_a_popup_and_selects_it(browser, site):
    page = logged_in_page(browser, site)
    page.goto(site + reverse("admin:careers_career_change", args=[job().pk]))

    with page.expect_popup() as opened:
        page.get_by_role("link", name="Ajouter un autre objet spécialité").first.click()
    popup = opened.value
    popup.select_option("#id_diploma", label="BTS")
    popup.fill("#id_name", "œnologie")
    popup.press("#id_name", "Tab")
    assert popup.input_value("#id_slug") == "oenologie"
    popup.click("input[name=_save]")
    popup.wait_for_event("close")

    chosen = page.locator("#id_pathways-0-speciality option:checked")
    assert chosen.inner_text() == "BTS œnologie"
    assert Speciality.objects.get(slug="oenologie").diploma.short_name == "BTS"
    page.context.close()
