"""Editors preview unpublished jobs and diplomas at their public address; the public gets a 404."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission, User
from django.utils.cache import get_max_age
from pytest_django.asserts import assertInHTML

from careers.models import Career
from diplomas.models import Diploma, DiplomaType

from .helpers import make_career, make_diploma, make_family, make_testimonial

pytestmark = pytest.mark.django_db

BANNER = '<p class="draft-notice-title" id="brouillon-titre">Brouillon, invisible au public</p>'
NOINDEX = '<meta name="robots" content="noindex">'
NOT_FOUND = "<h1>Page introuvable</h1>"


class LinkReader(HTMLParser):
    """The page's links as (text, href), text with its whitespace collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.href = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.href, self.text = dict(attrs).get("href"), ""

    def handle_data(self, data):
        if self.href is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "a" and self.href is not None:
            self.links.append((" ".join(self.text.split()), self.href))
            self.href = None


def links(response):
    reader = LinkReader()
    reader.feed(response.content.decode())
    return reader.links


class BannerReader(HTMLParser):
    """The lines of the draft banner's list, whitespace collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the banner
        self.reasons = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
            if tag == "li":
                self.reasons.append("")
        elif tag == "section" and "draft-notice" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.reasons:
            self.reasons[-1] += data


def banner_reasons(response):
    reader = BannerReader()
    reader.feed(response.content.decode())
    return [" ".join(reason.split()) for reason in reader.reasons]


def cache_directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def draft_job(**kwargs):
    return make_career(diplomas=[make_diploma()], is_published=False, **kwargs)


def job_of_unpublished_family():
    return make_career(family=make_family(is_published=False), diplomas=[make_diploma()])


def draft_diploma():
    return make_diploma(is_published=False)


def draft_cqp():
    return make_diploma(diploma_type=DiplomaType.CQP, level=None, is_published=False)


DRAFTS = [draft_job, job_of_unpublished_family, draft_diploma, draft_cqp]


@pytest.mark.parametrize("make_draft", DRAFTS, ids=lambda f: f.__name__)
def test_the_public_gets_the_french_404_for_a_draft(client, make_draft):
    response = client.get(make_draft().get_absolute_url())
    assert response.status_code == 404
    assertInHTML(NOT_FOUND, response.content.decode())
    assertInHTML(BANNER, response.content.decode(), count=0)


@pytest.mark.parametrize("make_draft", DRAFTS, ids=lambda f: f.__name__)
def test_an_editor_sees_a_draft_under_a_banner_never_cached_nor_indexed(client, editor, make_draft):
    response = client.get(make_draft().get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assertInHTML(BANNER, html)
    assertInHTML(NOINDEX, html)
    assert response["X-Robots-Tag"] == "noindex"
    assert {"private", "no-store"} <= cache_directives(response)
    assert "public" not in cache_directives(response)
    assert get_max_age(response) is None


@pytest.mark.parametrize(
    ("make_draft", "unpublished", "reason"),
    [
        (draft_job, None, "Ce métier n’est pas publié."),
        (job_of_unpublished_family, "family", "Sa famille « {item} » n’est pas publiée."),
        (draft_cqp, None, "Ce CQP n’est pas publié."),
    ],
    ids=["job", "family", "cqp"],
)
def test_the_banner_says_what_is_unpublished_and_links_to_its_admin_page(
    client, editor, make_draft, unpublished, reason
):
    page = make_draft()
    item = getattr(page, unpublished) if unpublished else page
    response = client.get(page.get_absolute_url())
    admin_link = f"Modifier « {item} » dans l’administration"
    assert banner_reasons(response) == [f"{reason.format(item=item)} {admin_link}"]
    opts = item._meta
    admin_url = f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"
    assert (admin_link, admin_url) in links(response)


def test_the_banner_names_both_a_draft_job_and_its_unpublished_family(client, editor):
    career = draft_job(family=make_family(is_published=False))
    reasons = banner_reasons(client.get(career.get_absolute_url()))
    assert [reason.split(".")[0] for reason in reasons] == [
        "Ce métier n’est pas publié",
        f"Sa famille « {career.family.name} » n’est pas publiée",
    ]


def test_the_banner_links_only_to_admin_pages_the_editor_may_open(client):
    user = User.objects.create_user("stagiaire", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_career"))
    client.force_login(user)
    career = job_of_unpublished_family()
    response = client.get(career.get_absolute_url())
    assert banner_reasons(response) == [f"Sa famille « {career.family.name} » n’est pas publiée."]


def test_an_editor_sees_a_published_page_as_the_public_does(client, editor):
    diploma, draft = make_diploma(), draft_diploma()
    family = make_family()
    career = make_career(family=family, diplomas=[diploma, draft])
    sibling = draft_job(family=family)
    response = client.get(career.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assertInHTML(BANNER, html, count=0)
    assertInHTML(NOINDEX, html, count=0)
    assert "X-Robots-Tag" not in response
    assert "no-store" not in cache_directives(response)
    # Only the page's own object is widened for an editor: drafts around it stay hidden.
    hrefs = {href for _, href in links(response)}
    assert diploma.get_absolute_url() in hrefs
    assert draft.get_absolute_url() not in hrefs
    assert sibling.get_absolute_url() not in hrefs


def test_a_draft_job_previews_with_its_published_testimonial_and_diplomas(client, editor):
    diploma = make_diploma()
    career = make_career(diplomas=[diploma], is_published=False)
    make_testimonial(career, first_name="Zoé", headline="Un métier d'écoute")
    response = client.get(career.get_absolute_url())
    assertInHTML(
        '<h2 id="temoignage-titre">Témoignage : Un métier d\'écoute</h2>', response.content.decode()
    )
    assert (diploma.full_name, diploma.get_absolute_url()) in links(response)


def test_a_staff_user_without_the_view_permission_gets_a_404(client):
    user = User.objects.create_user("stagiaire", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_diploma"))
    client.force_login(user)
    # Allowed to preview diplomas, not jobs.
    assert client.get(draft_job().get_absolute_url()).status_code == 404
    assert client.get(draft_diploma().get_absolute_url()).status_code == 200


def test_a_user_who_is_not_staff_gets_a_404_even_with_the_permission(client):
    user = User.objects.create_user("lecteur", is_staff=False)
    user.user_permissions.add(Permission.objects.get(codename="view_career"))
    client.force_login(user)
    assert client.get(draft_job().get_absolute_url()).status_code == 404


def test_voir_sur_le_site_opens_a_draft_job_with_its_banner(client, editor):
    career = draft_job()
    change_page = client.get(f"/admin/careers/career/{career.pk}/change/")
    assert change_page.status_code == 200
    view_on_site = dict(links(change_page))["Voir sur le site"]
    response = client.get(view_on_site, follow=True)
    assert response.redirect_chain[-1][0].endswith(career.get_absolute_url())
    assert response.status_code == 200
    assertInHTML(BANNER, response.content.decode())


@pytest.mark.parametrize(
    ("job", "family"), [(True, True), (True, False), (False, True), (False, False)]
)
def test_a_job_is_public_exactly_when_nothing_keeps_it_off_the_site(job, family):
    career = make_career(family=make_family(is_published=family), is_published=job)
    is_public = Career.objects.published().contains(career)
    assert is_public == (job and family)
    assert is_public == (not career.unpublished_parts())


@pytest.mark.parametrize("published", [True, False])
def test_a_diploma_is_public_exactly_when_nothing_keeps_it_off_the_site(published):
    diploma = make_diploma(is_published=published)
    assert Diploma.objects.published().contains(diploma) == (not diploma.unpublished_parts())
