"""French typography on every public page: one apostrophe (’), no nested brackets, no
double colons, and counts that agree with their noun."""

import re

import pytest
from django.test.html import Element

from careers.models import Career, Family
from diplomas.models import Diploma

from .html_pages import element, texts
from .html_pages import page as parse

pytestmark = pytest.mark.django_db


def public_urls():
    urls = ["/", "/metiers/", "/formations/", "/formations/schema/", "/temoignages/"]
    urls += ["/metiers/?niveau=2", "/formations/?categorie=etat", "/recherche/?q=infirmier"]
    urls += ["/metiers/comparer/?m=actuaire&m=opticien&m=licorne&m=actuaire", "/metiers/comparer/"]
    urls += ["/selection/", "/selection/?m=actuaire&f=bts&f=licorne"]
    urls += ["/donnees/", "/api/v1/docs/"]
    urls += [career.get_absolute_url() for career in Career.objects.published()]
    urls += [diploma.get_absolute_url() for diploma in Diploma.objects.published()]
    urls += [family.get_absolute_url() for family in Family.objects.published()]
    return urls


def visible_text(node):
    """The text a reader sees (and hears): text nodes, option labels and the attributes
    read aloud; scripts and styles left out."""
    if isinstance(node, str):
        return node
    if node.name in ("script", "style"):
        return ""
    spoken = [value for name, value in node.attributes if name in ("alt", "aria-label", "title")]
    spoken += [value for name, value in node.attributes if name == "placeholder"]
    return " ".join([*spoken, *(visible_text(child) for child in node.children)])


def test_every_public_page_uses_one_apostrophe(client, brochure):
    found = {}
    for url in public_urls():
        text = visible_text(element(parse(client.get(url)), "body"))
        straight = re.findall(r"\w+'\w+", text)
        if straight:
            found[url] = sorted(set(straight))
    assert not found


def test_no_page_nests_brackets_or_doubles_a_colon(client, brochure):
    for url in public_urls():
        text = " ".join(visible_text(element(parse(client.get(url)), "main")).split())
        assert not re.search(r"\([^()]*\(", text), (url, re.search(r"\([^()]*\(", text))
        assert not re.search(r":[^.;?!]{0,80}\s:\s", text) or "Source" in text, url


def test_counts_agree_with_their_noun(client, brochure):
    page = parse(client.get("/metiers/", {"famille": "autres-metiers", "niveau": 0}))
    assert texts(page, "p", class_="result-count") == ["0 métier correspond à votre recherche."]
    page = parse(client.get("/metiers/", {"famille": "gestion-des-adherents", "niveau": 0}))
    assert texts(page, "p", class_="result-count") == ["1 métier correspond à votre recherche."]


def test_an_empty_list_says_so_in_plain_french(client, brochure):
    page = parse(client.get("/metiers/", {"famille": "autres-metiers", "niveau": 0}))
    shown = texts(page, "p")
    assert "0 métier correspond à votre recherche." in shown
    assert any(text.startswith("Essayez") for text in shown)


def test_visible_text_skips_scripts():
    script = Element("script", [])
    script.append("l'a")
    assert visible_text(script) == ""
