"""« Ma sélection »: add and remove from job and diploma pages without JavaScript, share,
import, print as a handout; posts from another site are refused."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Career
from diplomas.models import Diploma

from .helpers import make_career, make_diploma, make_family
from .html_pages import element, elements, hrefs, page, text, texts

pytestmark = pytest.mark.django_db

# What a browser sends with a form posted from a page of the site.
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def post(client, action, follow=True, headers=SAME_ORIGIN, **data):
    return client.post(f"/selection/{action}/", data, follow=follow, **headers)


def selection_titles(html):
    return texts(element(html, "main"), "h3")


def messages_of(html):
    return texts(element(html, "div", class_="messages"), "p")


# The button on job and diploma pages.


def test_a_job_page_offers_a_post_form_to_add_the_job(client, brochure):
    html = page(client.get("/metiers/actuaire/"))
    form = element(html, "form", class_="selection-form")
    assert dict(form.attributes)["method"] == "post"
    assert dict(form.attributes)["action"] == "/selection/ajouter/"
    assert texts(form, "button") == ["Ajouter à ma sélection"]
    hidden = {
        dict(i.attributes)["name"]: dict(i.attributes)["value"] for i in elements(form, "input")
    }
    assert hidden == {"m": "actuaire", "next": "/metiers/actuaire/"}


def test_a_diploma_page_offers_the_same_form_for_the_diploma(client, brochure):
    form = element(page(client.get("/formations/bts/")), "form", class_="selection-form")
    assert element(form, "input", name="f").attributes[-1] == ("value", "bts")


def test_adding_without_javascript_redirects_back_with_a_message(client, brochure):
    response = post(client, "ajouter", follow=False, m="actuaire", next="/metiers/actuaire/")
    assert response.status_code == 302 and response["Location"] == "/metiers/actuaire/"
    html = page(client.get("/metiers/actuaire/"))
    assert messages_of(html) == ["« Actuaire » est dans votre sélection."]
    form = element(html, "form", class_="selection-form")
    assert dict(form.attributes)["action"] == "/selection/retirer/"
    assert texts(form, "button") == ["Retirer de ma sélection"]


def test_removing_takes_the_item_out_of_the_selection(client, brochure):
    post(client, "ajouter", m="actuaire")
    post(client, "ajouter", f="bts")
    html = page(post(client, "retirer", m="actuaire", next="/selection/"))
    assert messages_of(html) == ["« Actuaire » a été retiré de votre sélection."]
    assert selection_titles(html) == [Diploma.objects.get(slug="bts").full_name]


def test_the_selection_lists_jobs_then_diplomas_in_the_order_they_were_added(client, brochure):
    for data in ({"m": "opticien"}, {"f": "bts"}, {"m": "actuaire"}, {"m": "opticien"}):
        post(client, "ajouter", **data)
    html = page(client.get("/selection/"))
    titles = [Career.objects.get(slug=s).title for s in ("opticien", "actuaire")]
    assert selection_titles(html) == [*titles, Diploma.objects.get(slug="bts").full_name]


@pytest.mark.parametrize(
    "data",
    [{"m": "licorne"}, {"f": "licorne"}, {"m": "x" * 5000}, {"f": "%00<b>"}, {"z": "bts"}, {}],
    ids=["job", "diploma", "huge", "garbage", "unknown-kind", "nothing"],
)
def test_an_unknown_item_is_not_added(client, brochure, data):
    html = page(post(client, "ajouter", **data))
    assert messages_of(html) == ["Ce métier ou cette formation n’existe pas : rien n’a été ajouté."]
    assert "selection" not in client.session


def test_an_unpublished_job_cannot_be_added(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    post(client, "ajouter", m="actuaire")
    assert client.session.get("selection") is None


def test_the_way_back_never_leaves_the_site(client, brochure):
    response = post(client, "ajouter", follow=False, m="actuaire", next="https://evil.example/")
    assert response["Location"] == "/metiers/actuaire/"
    response = post(client, "ajouter", follow=False, m="actuaire", next="//evil.example/")
    assert response["Location"] == "/metiers/actuaire/"


def test_the_selection_views_answer_only_posts(client):
    assert client.get("/selection/ajouter/").status_code == 405


# Cookies: none for visitors who never use the selection.


def test_job_and_diploma_pages_set_no_cookie_for_a_visitor_without_selection(client, brochure):
    for url in ("/metiers/actuaire/", "/formations/bts/", "/selection/", "/metiers/comparer/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, (url, response.cookies)


def test_the_first_addition_starts_the_session(client, brochure):
    response = post(client, "ajouter", follow=False, m="actuaire")
    assert settings.SESSION_COOKIE_NAME in response.cookies


def test_job_pages_vary_on_the_cookie_that_holds_the_selection(client, brochure):
    assert "Cookie" in client.get("/metiers/actuaire/")["Vary"]


# Same-origin checks in place of the CSRF token.


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {},
    ],
    ids=["cross-site", "origin", "fetch-site", "same-site", "null", "referer", "mixed", "none"],
)
@pytest.mark.parametrize("action", ["ajouter", "retirer", "importer"])
def test_a_post_from_another_site_is_refused(client, brochure, headers, action):
    response = post(client, action, follow=False, headers=headers, m="actuaire")
    assert response.status_code == 403
    assert "n’a pas été envoyé depuis une page de ce site" in text(page(response, 403))
    assert "selection" not in client.session


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/metiers/actuaire/"},
    ],
    ids=["fetch-site", "origin", "referer"],
)
def test_a_post_from_a_page_of_the_site_is_accepted(client, brochure, headers):
    response = post(client, "ajouter", follow=False, headers=headers, m="actuaire")
    assert response.status_code == 302
    assert client.session["selection"]["m"] == ["actuaire"]


def test_the_csrf_token_is_not_needed_but_the_origin_is(brochure):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post(strict, "ajouter", follow=False, m="actuaire").status_code == 302
    assert post(strict, "ajouter", follow=False, headers={}, m="actuaire").status_code == 403


# Sharing and importing.


def test_the_selection_offers_a_read_only_share_link(client, brochure):
    post(client, "ajouter", m="actuaire")
    post(client, "ajouter", f="bts")
    html = page(client.get("/selection/"))
    share = element(html, "p", class_="share-link")
    assert hrefs(share) == ["http://testserver/selection/?m=actuaire&f=bts"]


def test_a_shared_link_shows_the_same_selection_to_anyone(client, brochure):
    html = page(client.get("/selection/?m=actuaire&m=opticien&f=bts"))
    assert element(html, "h1").children == ["Sélection partagée"]
    assert selection_titles(html) == [
        Career.objects.get(slug="actuaire").title,
        Career.objects.get(slug="opticien").title,
        Diploma.objects.get(slug="bts").full_name,
    ]
    # Read-only: no remove buttons, one import button.
    assert not elements(html, "form", class_="selection-form")
    form = element(html, "form", class_="import-form")
    assert dict(form.attributes)["method"] == "post"
    assert texts(form, "button") == ["Importer dans ma sélection"]


def test_a_shared_link_leaves_out_unknown_slugs_and_says_so(client, brochure):
    html = page(client.get("/selection/?m=actuaire&m=licorne&f=bts&f=zzz&m=%3Cb%3E"))
    assert texts(element(html, "div", class_="notice"), "li") == [
        "« <b> » n’est pas un identifiant valide : ignoré.",
        "Aucun métier publié ne porte l’identifiant « licorne » : ignoré.",
        "Aucune formation publiée ne porte l’identifiant « zzz » : ignoré.",
    ]
    assert len(selection_titles(html)) == 2


def test_importing_a_shared_selection_adds_its_items_to_ones_own(client, brochure):
    post(client, "ajouter", m="opticien")
    html = page(client.get("/selection/?m=actuaire&m=opticien&f=bts"))
    form = element(html, "form", class_="import-form")
    data = {}
    for field in elements(form, "input"):
        attrs = dict(field.attributes)
        data.setdefault(attrs["name"], []).append(attrs["value"])
    html = page(post(client, "importer", **data))
    assert messages_of(html) == ["2 éléments ajoutés à votre sélection."]
    assert client.session["selection"] == {"m": ["opticien", "actuaire"], "f": ["bts"]}


def test_importing_only_unknown_slugs_says_nothing_was_found_and_names_them(client, brochure):
    post(client, "ajouter", m="opticien")
    html = page(post(client, "importer", m=["inconnu"], f=["zzz"]))
    assert messages_of(html) == [
        "Rien n’a été ajouté à votre sélection.",
        "Aucun métier publié ne porte l’identifiant « inconnu » : ignoré.",
        "Aucune formation publiée ne porte l’identifiant « zzz » : ignoré.",
    ]
    assert client.session["selection"] == {"m": ["opticien"], "f": []}


def test_importing_names_the_unknown_slugs_beside_the_added_items(client, brochure):
    html = page(post(client, "importer", m=["actuaire", "inconnu"]))
    assert messages_of(html) == [
        "1 élément ajouté à votre sélection.",
        "Aucun métier publié ne porte l’identifiant « inconnu » : ignoré.",
    ]


def test_removing_an_item_not_in_the_selection_says_it_was_not_there(client, brochure):
    post(client, "ajouter", f="bts")
    html = page(post(client, "retirer", m="actuaire", next="/selection/"))
    assert messages_of(html) == [
        "« Actuaire » n’était pas dans votre sélection : rien n’a été retiré."
    ]
    assert len(selection_titles(html)) == 1


def test_the_selection_pages_are_private_and_not_indexed(client, brochure):
    post(client, "ajouter", m="actuaire")
    for url in ("/selection/", "/selection/?m=actuaire"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"
        assert elements(page(response), "meta", name="robots", content="noindex")


def test_an_empty_selection_explains_how_to_fill_it(client, brochure):
    html = page(client.get("/selection/"))
    assert "Votre sélection est vide." in text(element(html, "main"))
    assert "/metiers/" in hrefs(element(html, "main"))


# The handout.


def test_each_item_prints_its_absolute_address_and_a_qr_code(client, brochure):
    post(client, "ajouter", m="actuaire")
    post(client, "ajouter", f="bts")
    html = page(client.get("/selection/"))
    items = elements(html, "article", class_="handout-item")
    addresses = [text(element(item, "p", class_="item-address")) for item in items]
    assert addresses == ["http://testserver/metiers/actuaire/", "http://testserver/formations/bts/"]
    for item, address in zip(items, addresses, strict=True):
        qr = element(item, "svg", class_="qr")
        assert dict(qr.attributes)["aria-label"] == f"Code QR vers {address}"
        assert elements(qr, "path")


def test_the_qr_code_encodes_the_items_address():
    import segno

    from selection.qr import qr_svg

    svg = qr_svg("http://testserver/metiers/actuaire/", title="t")
    expected = segno.make_qr("http://testserver/metiers/actuaire/", error="m")
    assert expected.svg_inline(omitsize=True, svgclass="qr", lineclass=None, title="t")[5:] in svg


def test_the_handout_gives_the_site_name_the_date_and_each_jobs_diplomas(client, brochure):
    post(client, "ajouter", m="actuaire")
    html = page(client.get("/selection/"))
    head = text(element(html, "p", class_="handout-head"))
    assert head.startswith("Les métiers des mutuelles · sélection du ")
    career = Career.objects.for_detail().get(slug="actuaire")
    diplomas = text(element(html, "p", class_="handout-diplomas"))
    for pathway in career.pathways.all():
        assert f"{pathway.label}, {pathway.level_label}" in diplomas
    assert career.lead in text(element(html, "article", class_="handout-item"))


def test_the_printed_selection_is_headed_by_its_share_address(client, brochure):
    post(client, "ajouter", m="actuaire")
    html = page(client.get("/selection/"))
    assert text(element(html, "p", class_="page-address")) == (
        "Adresse de cette page : http://testserver/selection/?m=actuaire"
    )


def test_the_selection_page_runs_at_most_four_queries_whatever_its_size(client):
    family = make_family()
    jobs = [make_career(family=family, diplomas=[make_diploma()]) for _ in range(6)]
    diplomas = [make_diploma() for _ in range(6)]
    counts = []
    for n in (3, 6):
        url = "/selection/?" + "&".join(
            [f"m={j.slug}" for j in jobs[:n]] + [f"f={d.slug}" for d in diplomas[:n]]
        )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] <= 4
