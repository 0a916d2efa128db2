"""Every change is recorded honestly (who, when, what), and any version can be put back.

Forms are read from the admin's own pages and posted back as a browser sends them
(textareas with CRLF line endings), so these tests see what an editor sees.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from reversion.models import Version

from careers import models as careers
from careers.models import Career, Family, Pathway
from diplomas.models import CQP, Diploma, Speciality
from search.engine import search

from .admin_pages import admin_messages, form_data, post_form
from .helpers import make_career, make_diploma
from .html_pages import element, hrefs, texts
from .html_pages import page as parse

pytestmark = pytest.mark.django_db

JOB = "/admin/careers/career/{}/"


def versions_of(obj):
    return Version.objects.get_for_object(obj).order_by("pk")


def found(query):
    return {hit.url for group in search(query).groups for hit in group.hits}


class HistoryTable(HTMLParser):
    """The rows of the admin history table: [[date, author, action, changes], …]."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.rows, self.cell, self.links, self.inside = [], None, [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == "change-history":
            self.inside = True
        if not self.inside:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = ""
        elif tag == "br" and self.cell is not None:
            self.cell += " "
        elif tag == "a" and self.cell is not None:
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None


def history(client, url):
    response = client.get(url + "history/")
    assert response.status_code == 200
    table = HistoryTable(response.content.decode())
    return table.rows[1:], table.links, response.content.decode()


def test_the_brochure_arrives_with_a_first_version_of_everything(brochure):
    for model in (Family, Career, Pathway, careers.Testimonial, Diploma, Speciality):
        for obj in model.objects.all():
            versions = versions_of(obj)
            assert versions.count() == 1, obj
            assert versions.get().revision.comment == "Chargé depuis la brochure"


def test_a_reload_of_the_brochure_is_a_new_version_that_can_be_undone(brochure):
    call_command("load_content", "--force", verbosity=0)
    actuaire = Career.objects.get(slug="actuaire")
    comments = [v.revision.comment for v in versions_of(actuaire)]
    assert comments == [
        "Chargé depuis la brochure",
        "Rechargé depuis la brochure (load_content --force)",
    ]


def test_the_first_version_says_created_and_why(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    rows, _, _ = history(client, JOB.format(actuaire.pk))
    [(date, author, action, changes)] = rows
    assert action == "Créé Chargé depuis la brochure"
    assert changes == "Première version."


def test_an_untouched_save_records_nothing(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    before = (versions_of(actuaire).count(), LogEntry.objects.count())
    response = post_form(client, JOB.format(actuaire.pk) + "change/")
    assert response.status_code == 302
    assert (versions_of(actuaire).count(), LogEntry.objects.count()) == before


def test_line_endings_are_stored_as_newlines(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    post_form(client, JOB.format(actuaire.pk) + "change/", body="Un.\r\n\r\nDeux.")
    actuaire.refresh_from_db()
    assert actuaire.body == "Un.\n\nDeux."


def test_a_change_says_who_when_and_what_old_and_new(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    post_form(client, JOB.format(actuaire.pk) + "change/", title_feminine="Actuaire (F)")
    rows, _, html = history(client, JOB.format(actuaire.pk))
    date, author, action, changes = rows[0]
    assert author == "edith"
    assert action.startswith("Modifié")
    assert changes == "Intitulé au féminin : « Actuaire » → « Actuaire (F) »"
    # Saving the job did not touch its testimonial: the history does not claim it did.
    assert "Témoignage" not in changes
    for untranslated in ("Historical", "CHANGES", "None", "Date/time"):
        assert untranslated not in html


def test_a_long_text_change_shows_the_passage_that_changed(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    body = actuaire.body
    first_word = body.split()[0]
    post_form(client, JOB.format(actuaire.pk) + "change/", body=body.replace(first_word, "Hier", 1))
    rows, _, _ = history(client, JOB.format(actuaire.pk))
    changes = rows[0][3]
    assert changes.startswith("Le métier : « " + first_word)
    assert "→ « Hier" in changes


def test_a_testimonial_change_is_listed_under_its_job(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    testimonial = actuaire.testimonial
    post_form(client, JOB.format(actuaire.pk) + "change/", **{"testimonial-0-town": "Lille"})
    rows, _, _ = history(client, JOB.format(actuaire.pk))
    assert rows[0][3] == (
        f"Témoignage « {testimonial} » : Ville : « {testimonial.town} » → « Lille »"
    )


def delete_first_diploma_row(client, career):
    page = client.get(JOB.format(career.pk) + "change/")
    data = form_data(page, **{"pathways-0-DELETE": "on"})
    removed = Pathway.objects.get(pk=data["pathways-0-id"])
    assert client.post(JOB.format(career.pk) + "change/", data).status_code == 302
    return removed


def test_a_removed_diploma_row_is_listed_and_comes_back_on_revert(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    rows_before = set(actuaire.pathways.values_list("diploma__slug", "speciality__slug"))
    removed = delete_first_diploma_row(client, actuaire)
    assert actuaire.pathways.count() == len(rows_before) - 1

    rows, links, _ = history(client, JOB.format(actuaire.pk))
    assert rows[0][3] == f"Diplôme qui mène au métier : retrait de « {removed} »"
    # Put the brochure's version back: open it, then save it as shown.
    first_version = links[-1]
    response = post_form(client, first_version)
    assert response.status_code == 302
    assert set(actuaire.pathways.values_list("diploma__slug", "speciality__slug")) == rows_before
    rows, _, _ = history(client, JOB.format(actuaire.pk))
    assert rows[0][2].startswith("Modifié")
    assert "Restauré depuis une version précédente" in rows[0][2]


def test_revert_removes_a_row_added_since_and_reindexes_the_job(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    cqp = Diploma.objects.get(slug="cqp-teleconseiller")
    page = client.get(JOB.format(actuaire.pk) + "change/")
    total = int(form_data(page)["pathways-TOTAL_FORMS"])
    new_row = {
        f"pathways-{total - 1}-diploma": str(cqp.pk),
        f"pathways-{total - 1}-position": "9",
    }
    assert (
        client.post(JOB.format(actuaire.pk) + "change/", form_data(page, **new_row)).status_code
        == 302
    )
    assert actuaire.pathways.filter(diploma=cqp).exists()
    assert actuaire.get_absolute_url() in found("téléconseiller actuaire")

    _, links, _ = history(client, JOB.format(actuaire.pk))
    assert post_form(client, links[-1]).status_code == 302
    assert not actuaire.pathways.filter(diploma=cqp).exists()
    assert actuaire.get_absolute_url() not in found("téléconseiller actuaire")


def test_a_deleted_job_is_recovered_with_its_rows_and_testimonial(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    rows = set(actuaire.pathways.values_list("pk", flat=True))
    testimonial = actuaire.testimonial.pk
    response = client.post(JOB.format(actuaire.pk) + "delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get("/metiers/actuaire/").status_code == 404

    recover_list = client.get("/admin/careers/career/recover/")
    assert recover_list.status_code == 200
    [version] = Version.objects.get_deleted(Career)
    assert f"/admin/careers/career/recover/{version.pk}/" in hrefs(parse(recover_list))
    assert post_form(client, f"/admin/careers/career/recover/{version.pk}/").status_code == 302

    recovered = Career.objects.get(slug="actuaire")
    assert set(recovered.pathways.values_list("pk", flat=True)) == rows
    assert recovered.testimonial.pk == testimonial
    assert client.get("/metiers/actuaire/").status_code == 200
    assert recovered.get_absolute_url() in found("actuaire")


@pytest.mark.parametrize(
    "url, model, lookup",
    [
        ("/admin/careers/family/", Family, {"slug": "nouvelle-famille"}),
        ("/admin/careers/testimonial/", careers.Testimonial, {"slug": "patrice"}),
        # No job cites this one: a diploma still cited cannot be deleted (PROTECT).
        ("/admin/diplomas/diploma/", Diploma, {"slug": "cqp-conseiller-mutualiste"}),
    ],
    ids=["family", "testimonial", "diploma"],
)
def test_deleted_content_can_be_found_and_recovered(client, editor, brochure, url, model, lookup):
    if model is Family:
        response = post_form(
            client, url + "add/", name="Nouvelle famille", slug="nouvelle-famille", position="9"
        )
        assert response.status_code == 302
    obj = model.objects.get(**lookup)
    assert client.post(f"{url}{obj.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not model.objects.filter(**lookup).exists()

    version = Version.objects.get_deleted(model).get(object_id=str(obj.pk))
    deleted = element(parse(client.get(url + "recover/")), "table", id="change-history")
    assert str(obj) in texts(deleted, "td")
    assert f"{url}recover/{version.pk}/" in hrefs(deleted)
    assert post_form(client, f"{url}recover/{version.pk}/").status_code == 302
    assert model.objects.filter(**lookup).exists()


def test_a_recovered_diploma_comes_back_with_its_specialities(client, editor, brochure):
    diploma = Diploma.objects.get(slug="cqp-assistant-commercial")
    Speciality.objects.create(diploma=diploma, slug="vente", name="vente")
    post_form(client, f"/admin/diplomas/diploma/{diploma.pk}/change/", summary="Revu.")
    response = client.post(f"/admin/diplomas/diploma/{diploma.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Speciality.objects.filter(slug="vente").exists()
    version = Version.objects.get_deleted(Diploma).get(object_id=str(diploma.pk))
    assert post_form(client, f"/admin/diplomas/diploma/recover/{version.pk}/").status_code == 302
    assert Speciality.objects.filter(
        diploma__slug="cqp-assistant-commercial", slug="vente"
    ).exists()


def test_publish_and_unpublish_actions_are_recorded_once(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    for _ in range(2):
        client.post(
            "/admin/careers/career/", {"action": "unpublish", "_selected_action": [actuaire.pk]}
        )
    versions = list(versions_of(actuaire))
    assert len(versions) == 2
    assert versions[-1].revision.user == editor
    assert versions[-1].field_dict["is_published"] is False


def test_a_cqp_edited_in_its_own_section_shares_the_diploma_history(client, editor, brochure):
    cqp = CQP.objects.get(slug="cqp-teleconseiller")
    post_form(client, f"/admin/diplomas/cqp/{cqp.pk}/change/", summary="Revu.")
    for section in ("cqp", "diploma"):
        rows, _, _ = history(client, f"/admin/diplomas/{section}/{cqp.pk}/")
        assert len(rows) == 2
        assert rows[0][1] == "edith"
        assert rows[0][3].startswith("Présentation :")


def test_a_cqp_is_reverted_from_its_own_section(client, editor, brochure):
    cqp = CQP.objects.get(slug="cqp-teleconseiller")
    summary = cqp.summary
    post_form(client, f"/admin/diplomas/cqp/{cqp.pk}/change/", summary="Revu.")
    _, links, _ = history(client, f"/admin/diplomas/cqp/{cqp.pk}/")
    assert post_form(client, links[-1]).status_code == 302
    cqp.refresh_from_db()
    assert cqp.summary == summary
    assert cqp.diploma_type == "cqp"


def test_reverting_one_job_to_the_brochure_leaves_other_jobs_alone(client, editor, brochure):
    actuaire, opticien = Career.objects.get(slug="actuaire"), Career.objects.get(slug="opticien")
    post_form(client, JOB.format(actuaire.pk) + "change/", lead="Revu par la rédaction.")
    post_form(client, JOB.format(opticien.pk) + "change/", lead="Revu aussi.")
    _, links, _ = history(client, JOB.format(opticien.pk))
    assert post_form(client, links[-1]).status_code == 302
    actuaire.refresh_from_db(), opticien.refresh_from_db()
    assert opticien.lead != "Revu aussi."
    assert actuaire.lead == "Revu par la rédaction."


def test_a_version_citing_a_diploma_deleted_since_is_refused_in_french(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    diploma = make_diploma(slug="dqa", short_name="DQA")
    page = client.get(JOB.format(actuaire.pk) + "change/")
    total = int(form_data(page)["pathways-TOTAL_FORMS"])
    row = {f"pathways-{total - 1}-diploma": str(diploma.pk), f"pathways-{total - 1}-position": "9"}
    client.post(JOB.format(actuaire.pk) + "change/", form_data(page, **row))
    pathway = actuaire.pathways.get(diploma=diploma)
    page = client.get(JOB.format(actuaire.pk) + "change/")
    index = next(
        name.split("-")[1]
        for name, value in form_data(page).items()
        if name.endswith("-id") and value == str(pathway.pk)
    )
    client.post(
        JOB.format(actuaire.pk) + "change/", form_data(page, **{f"pathways-{index}-DELETE": "on"})
    )
    diploma.delete()
    _, links, _ = history(client, JOB.format(actuaire.pk))

    response = client.get(links[0 + 1], follow=True)
    assert response.status_code == 200
    (message,) = admin_messages(response)
    assert message.startswith("Cette version ne peut pas être rétablie")
    assert "récupérez-le d'abord" in message


def test_a_version_whose_slug_is_taken_since_is_refused_in_french(client, editor, brochure):
    webmestre = Career.objects.get(slug="webmestre")
    post_form(client, JOB.format(webmestre.pk) + "change/", slug="webmestre-neuf")
    make_career(family=webmestre.family, slug="webmestre")
    _, links, _ = history(client, JOB.format(webmestre.pk))
    response = client.get(links[-1], follow=True)
    (message,) = admin_messages(response)
    assert message.startswith("Cette version ne peut pas être rétablie")
    assert "identifiant d'adresse" in message.lower()
    webmestre.refresh_from_db()
    assert webmestre.slug == "webmestre-neuf"


def test_a_testimonial_keeps_its_own_history_and_reverts_alone(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    testimonial = actuaire.testimonial
    url = f"/admin/careers/testimonial/{testimonial.pk}/"
    post_form(client, JOB.format(actuaire.pk) + "change/", entry_note="Note de la rédaction.")
    rows, _, _ = history(client, url)
    assert len(rows) == 1  # the job's edit is not the testimonial's

    post_form(client, url + "change/", town="Lille")
    _, links, _ = history(client, url)
    assert post_form(client, links[-1]).status_code == 302
    testimonial.refresh_from_db(), actuaire.refresh_from_db()
    assert testimonial.town != "Lille"
    assert actuaire.entry_note == "Note de la rédaction."


def test_a_tampered_action_selection_is_refused_not_a_500(client, editor, brochure):
    family = Family.objects.first()
    response = client.post(
        "/admin/careers/family/",
        {"action": "unpublish", "_selected_action": [family.pk, "abc"]},
        follow=True,
    )
    assert response.status_code == 200
    assert [
        m for m in admin_messages(response) if m.startswith("La sélection envoyée n'est pas valide")
    ]
    family.refresh_from_db()
    assert family.is_published


def test_see_on_site_of_a_testimonial_opens_its_job_page(client, editor, brochure):
    actuaire = Career.objects.get(slug="actuaire")
    testimonial = actuaire.testimonial
    response = client.get(f"/admin/careers/testimonial/{testimonial.pk}/change/")
    link = element(parse(response), "a", class_="viewsitelink")
    assert dict(link.attributes)["href"] == "/metiers/actuaire/"
