"""The shortcuts that make pages cheaper to render change nothing a visitor sees."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.urls import reverse, set_script_prefix

from careers.models import Career
from diplomas.models import Diploma
from mutuelles_site.reversing import cached_reverse

from .html_pages import elements, hrefs, page

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    level = forms.ChoiceField(
        choices=[("", "Tous"), ("Bac", [("0", "bac"), ("2", "bac + 2")]), ("5", "bac + 5 & plus")],
        widget=forms.Select(attrs={"aria-describedby": "aide"}),
    )


def test_the_select_template_writes_the_same_html_as_djangos_own():
    form = PickForm(data={"level": "2"})
    ours = str(form["level"])
    form.renderer = DjangoTemplates()  # Django's own widget templates only
    theirs = str(form["level"])
    assert ours == theirs
    assert '<option value="2" selected>bac + 2</option>' in ours
    assert "bac + 5 &amp; plus" in ours


def test_the_remembered_addresses_are_those_reverse_gives(brochure):
    career = Career.objects.published().first()
    diploma = Diploma.objects.published().first()
    assert career.get_absolute_url() == reverse("careers:detail", args=[career.slug])
    assert diploma.get_absolute_url() == reverse("diplomas:detail", args=[diploma.slug])
    assert cached_reverse("home") == reverse("home")


def test_a_remembered_address_follows_the_script_prefix():
    assert cached_reverse("careers:list") == "/metiers/"
    set_script_prefix("/guide/")
    try:
        assert cached_reverse("careers:list") == "/guide/metiers/"
    finally:
        set_script_prefix("/")


def test_every_page_links_its_header_and_footer(client, brochure):
    html = page(client.get("/metiers/actuaire/"))
    assert {"/", "/metiers/", "/formations/", "/temoignages/", "/selection/"} <= set(hrefs(html))
    assert elements(html, "form", role="search", action="/recherche/")
    assert elements(html, "link", rel="manifest", href="/manifest.webmanifest")


def test_the_current_page_is_marked_in_the_header(client, brochure):
    current = elements(page(client.get("/metiers/")), "a", **{"aria-current": "page"})
    # The header marks its link; the pagination marks page 1.
    assert [dict(a.attributes)["href"] for a in current][0] == "/metiers/"
