"""Every database rule an admin form can break comes back as a French error beside the row or
field, with everything typed kept: the change form again (200), never a 500.

Each test loads the admin's own page, fills it in as an editor would (adding rows from the
inline's empty template) and posts it back, so the tests follow the forms when fields change.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from careers.models import Career, Family, Pathway
from careers.models import Testimonial as Witness  # a Test* name would confuse pytest
from diplomas.models import Diploma, Speciality
from mutuelles_site.admin_forms import ConstraintFormSetMixin

from .admin_pages import error_messages, error_note, form_data
from .helpers import (
    make_career,
    make_diploma,
    make_family,
    make_speciality,
    make_testimonial,
)
from .html_pages import element, elements, page, texts

pytestmark = pytest.mark.django_db

ALREADY_LINKED = "Ce diplôme est déjà lié au métier."
SPECIALITY_ALREADY_LINKED = "Ce diplôme et cette spécialité sont déjà liés au métier."
SLUG_TAKEN = "Ce diplôme a déjà une spécialité avec cet identifiant."
BAD_DEPARTMENT = "Le département doit être un numéro valide (01 à 95, 2A, 2B ou 971 à 976)."
CAREER_LEVELS = "Le niveau minimal doit être inférieur ou égal au niveau maximal."
DIPLOMA_LEVELS = "Le niveau maximal doit être supérieur ou égal au niveau."
SWAP = "Ces lignes échangent leurs valeurs"
PROTECTED_PAGE = "provoquerait la suppression des objets liés et protégés suivants"


def url(model, view="add", obj=None):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{view}"
    return reverse(name, args=[obj.pk] if obj else [])


def drop_blank_rows(data, prefix):
    """Leaves only the saved rows of inline `prefix`, so new rows follow them in order."""
    saved = int(data[f"{prefix}-INITIAL_FORMS"])
    for index in range(saved, int(data[f"{prefix}-TOTAL_FORMS"])):
        for name in [name for name in data if name.startswith(f"{prefix}-{index}-")]:
            del data[name]
    data[f"{prefix}-TOTAL_FORMS"] = str(saved)


# What an editor writes for a new row, which starts as the editors' addition.
SIGNED_ROW = {"addition_reason": "Lien vérifié sur la fiche ONISEP.", "addition_source": "ONISEP"}


def new_row(data, prefix, **values):
    """Adds a row to inline `prefix` from its empty template, as "Ajouter" does in a browser,
    with the note a new row's addition needs when the row has one."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    template = f"{prefix}-__prefix__-"
    for name, value in list(data.items()):
        if name.startswith(template):
            data[f"{prefix}-{index}-{name.removeprefix(template)}"] = value
    for name, value in SIGNED_ROW.items():
        if f"{template}{name}" in data:
            data[f"{prefix}-{index}-{name}"] = value
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return index


def set_row(data, prefix, index, **values):
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value


def submit(client, page_url, rows=(), edits=None, **changes):
    """Posts the admin page at `page_url` back with `changes`, new `rows` ((prefix, values)
    pairs) and `edits` of existing rows ({(prefix, index): values})."""
    page = client.get(page_url)
    assert page.status_code == 200
    data = form_data(page, **changes)
    for prefix in {prefix for prefix, _ in rows}:
        drop_blank_rows(data, prefix)
    for (prefix, index), values in (edits or {}).items():
        set_row(data, prefix, index, **values)
    for prefix, values in rows:
        new_row(data, prefix, **values)
    return client.post(page_url, {k: v for k, v in data.items() if "__prefix__" not in k})


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class RowReader(HTMLParser):
    """The text an editor sees at each row of inline `prefix`: the row itself and the error
    lists shown just above it (after the previous row)."""

    def __init__(self, prefix):
        super().__init__(convert_charrefs=True)
        self.row_id = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
        self.depth = 0
        self.row = None  # (index, depth of its element)
        self.errors_depth = None
        self.pending = []
        self.rows = {}

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.depth += 1
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        match = self.row_id.match(attrs.get("id") or "")
        if match and self.row is None:
            self.row = (int(match[1]), self.depth)
            self.rows[self.row[0]] = " ".join(self.pending)
            self.pending = []
        elif self.errors_depth is None and "errorlist" in classes and "nonform" not in classes:
            self.errors_depth = self.depth

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.row and self.row[1] == self.depth:
            self.row = None
        if self.errors_depth == self.depth:
            self.errors_depth = None
        self.depth -= 1

    def handle_data(self, data):
        if self.row:
            self.rows[self.row[0]] += " " + data
        elif self.errors_depth is not None:
            self.pending.append(data)


def row_text(response, prefix, index):
    reader = RowReader(prefix)
    reader.feed(response.content.decode())
    return " ".join(reader.rows[index].split())


def typed(response, prefix, index, name):
    """The value a row's input shows again after the refused submit."""
    return form_data(response).get(f"{prefix}-{index}-{name}")


def assert_refused(response):
    assert response.status_code == 200, response.status_code
    assert error_note(response), "the page does not tell the editor what went wrong"


def career_fields(**changes):
    """The job's own fields on the add form."""
    return {
        "title_masculine": "Conseiller mutualiste",
        "title_feminine": "Conseillère mutualiste",
        "slug": "conseiller-mutualiste",
        "family": str(make_family().pk),
        "lead": "Conseille.",
        "body": "Conseille les adhérents.",
        "level_min": "2",
        "level_max": "3",
        **changes,
    }


def diploma_fields(**changes):
    return {
        "short_name": "BTS SP3S",
        "name": "BTS services et prestations des secteurs sanitaire et social",
        "slug": "bts-sp3s",
        "diploma_type": "bts",
        "level": "2",
        "summary": "Un BTS.",
        **changes,
    }


@pytest.fixture
def bts():
    return make_diploma(short_name="BTS")


@pytest.fixture
def actuaire(bts):
    return make_career(
        title_masculine="Actuaire", title_feminine="Actuaire", slug="actuaire", diplomas=[bts]
    )


# A job's diploma rows: one diploma, without speciality, at most once per job.


def test_a_diploma_row_repeating_a_saved_one_is_refused_beside_its_diploma(
    client, editor, actuaire, bts
):
    response = submit(
        client,
        url(Career, "change", actuaire),
        rows=[("pathways", {"diploma": str(bts.pk), "condition": "avec expérience"})],
    )
    assert_refused(response)
    assert ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 1, "diploma") == str(bts.pk)
    assert typed(response, "pathways", 1, "condition") == "avec expérience"
    assert actuaire.pathways.count() == 1


def test_two_new_rows_with_the_same_diploma_are_refused_on_the_change_form(client, editor, bts):
    career = make_career()
    response = submit(
        client,
        url(Career, "change", career),
        rows=[
            ("pathways", {"diploma": str(bts.pk), "position": "1"}),
            ("pathways", {"diploma": str(bts.pk), "condition": "en alternance"}),
        ],
    )
    assert_refused(response)
    assert ALREADY_LINKED not in row_text(response, "pathways", 0)
    assert ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 1, "condition") == "en alternance"
    assert not career.pathways.exists()


def test_two_new_rows_with_the_same_diploma_are_refused_on_the_add_form(client, editor, bts):
    response = submit(
        client,
        url(Career),
        rows=[("pathways", {"diploma": str(bts.pk)}), ("pathways", {"diploma": str(bts.pk)})],
        **career_fields(),
    )
    assert_refused(response)
    assert ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 1, "diploma") == str(bts.pk)
    assert form_data(response)["title_masculine"] == "Conseiller mutualiste"
    assert not Career.objects.filter(slug="conseiller-mutualiste").exists()


DELETE = {"DELETE": "on"}
# Saved rows' diplomas, what the submit does to them (by row), the new rows' diplomas, and
# the job's diplomas after the save. Saved in page order, the last two would fail.
ACCEPTED = {
    "a new row repeats a row deleted in the same submit": (["BTS"], {0: DELETE}, ["BTS"], ["BTS"]),
    "a new row takes the diploma a saved row gives up": (
        ["BTS"],
        {0: "DUT"},
        ["BTS"],
        ["BTS", "DUT"],
    ),
    "a row takes the diploma of a later row that moves on": (
        ["BTS", "DUT"],
        {0: "DUT", 1: "Master"},
        [],
        ["DUT", "Master"],
    ),
    "a row takes the diploma of a later row deleted": (
        ["BTS", "DUT"],
        {0: "DUT", 1: DELETE},
        [],
        ["DUT"],
    ),
}


@pytest.mark.parametrize("saved, edits, added, expected", ACCEPTED.values(), ids=ACCEPTED)
def test_rows_distinct_once_saved_are_accepted(client, editor, saved, edits, added, expected):
    diplomas = {name: make_diploma(short_name=name) for name in ("BTS", "DUT", "Master")}
    career = make_career(diplomas=[diplomas[name] for name in saved])

    def row(change):
        return change if change is DELETE else {"diploma": str(diplomas[change].pk)}

    response = submit(
        client,
        url(Career, "change", career),
        edits={("pathways", index): row(change) for index, change in edits.items()},
        rows=[("pathways", {**row(name), "position": "9"}) for name in added],
    )
    assert response.status_code == 302
    assert sorted(career.diplomas.values_list("short_name", flat=True)) == expected


def test_a_saved_row_changed_into_a_new_rows_diploma_is_refused(client, editor, actuaire, bts):
    dut = make_diploma()
    response = submit(
        client,
        url(Career, "change", actuaire),
        edits={("pathways", 0): {"diploma": str(dut.pk)}},
        rows=[("pathways", {"diploma": str(dut.pk), "condition": "typed"})],
    )
    assert_refused(response)
    assert ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 0, "diploma") == str(dut.pk)
    assert list(actuaire.diplomas.all()) == [bts]


def test_two_rows_swapping_their_diplomas_are_told_to_do_it_in_two_steps(client, editor, bts):
    dut = make_diploma()
    career = make_career(diplomas=[bts, dut])
    response = submit(
        client,
        url(Career, "change", career),
        edits={
            ("pathways", 0): {"diploma": str(dut.pk)},
            ("pathways", 1): {"diploma": str(bts.pk)},
        },
    )
    assert_refused(response)
    assert SWAP in row_text(response, "pathways", 0)
    assert SWAP in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 0, "diploma") == str(dut.pk)


# A job's diploma rows with a speciality: a diploma and speciality at most once per job.


@pytest.fixture
def sp3s(bts):
    return make_speciality(bts, name="services et prestations")


def test_a_speciality_row_repeating_a_saved_one_is_refused(client, editor, bts, sp3s):
    career = make_career()
    Pathway.objects.create(career=career, diploma=bts, speciality=sp3s)
    response = submit(
        client,
        url(Career, "change", career),
        rows=[("pathways", {"diploma": str(bts.pk), "speciality": str(sp3s.pk)})],
    )
    assert_refused(response)
    assert SPECIALITY_ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 1, "speciality") == str(sp3s.pk)
    assert career.pathways.count() == 1


@pytest.mark.parametrize("view", ["add", "change"])
def test_two_new_rows_with_the_same_speciality_are_refused(client, editor, bts, sp3s, view):
    career = make_career() if view == "change" else None
    row = {"diploma": str(bts.pk), "speciality": str(sp3s.pk)}
    response = submit(
        client,
        url(Career, view, career),
        rows=[("pathways", row), ("pathways", {**row, "condition": "en alternance"})],
        **({} if career else career_fields()),
    )
    assert_refused(response)
    assert SPECIALITY_ALREADY_LINKED in row_text(response, "pathways", 1)
    assert typed(response, "pathways", 1, "condition") == "en alternance"
    assert not Pathway.objects.filter(speciality=sp3s).exists()


def test_a_diploma_with_and_without_a_speciality_may_both_lead_to_a_job(
    client, editor, actuaire, bts, sp3s
):
    response = submit(
        client,
        url(Career, "change", actuaire),
        rows=[("pathways", {"diploma": str(bts.pk), "speciality": str(sp3s.pk)})],
    )
    assert response.status_code == 302
    assert actuaire.pathways.count() == 2


# A diploma's specialities: an identifier at most once per diploma.


def test_a_speciality_repeating_a_saved_identifier_is_refused_beside_it(client, editor, bts, sp3s):
    response = submit(
        client,
        url(Diploma, "change", bts),
        rows=[("specialities", {"name": "Autre nom", "slug": sp3s.slug})],
    )
    assert_refused(response)
    assert SLUG_TAKEN in row_text(response, "specialities", 1)
    assert typed(response, "specialities", 1, "name") == "Autre nom"
    assert bts.specialities.count() == 1


@pytest.mark.parametrize("view", ["add", "change"])
def test_two_new_specialities_with_the_same_identifier_are_refused(client, editor, view):
    diploma = make_diploma() if view == "change" else None
    response = submit(
        client,
        url(Diploma, view, diploma),
        rows=[
            ("specialities", {"name": "Social", "slug": "social"}),
            ("specialities", {"name": "Social bis", "slug": "social"}),
        ],
        **({} if diploma else diploma_fields()),
    )
    assert_refused(response)
    assert SLUG_TAKEN in error_messages(response)
    assert typed(response, "specialities", 1, "name") == "Social bis"
    assert not Speciality.objects.filter(slug="social").exists()


def test_a_new_speciality_of_the_speciality_admin_repeating_an_identifier_is_refused(
    client, editor, bts, sp3s
):
    response = submit(
        client,
        url(Speciality),
        diploma=str(bts.pk),
        name="Même identifiant",
        slug=sp3s.slug,
    )
    assert_refused(response)
    assert SLUG_TAKEN in error_messages(response)
    assert form_data(response)["name"] == "Même identifiant"


# A testimonial's département is a real one.


def test_a_testimonial_with_an_unknown_departement_is_refused_in_the_job_form(
    client, editor, actuaire
):
    make_testimonial(actuaire)
    response = submit(
        client, url(Career, "change", actuaire), edits={("testimonial", 0): {"department": "99"}}
    )
    assert_refused(response)
    assert BAD_DEPARTMENT in row_text(response, "testimonial", 0)
    assert typed(response, "testimonial", 0, "department") == "99"
    assert Witness.objects.get().department == "69"


def new_testimonial_fields(**changes):
    return {
        "slug": "camille",
        "first_name": "Camille",
        "job_title": "conseillère",
        "employer": "MGEN",
        "town": "Créteil",
        "department": "94",
        "headline": "Un beau métier",
        "story": "Son parcours.",
        **changes,
    }


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"department": "99"}, BAD_DEPARTMENT),
        ({"slug": "aude"}, "Un objet Témoignage avec ce champ Identifiant existe déjà."),
    ],
    ids=["unknown département", "identifier taken"],
)
def test_a_new_job_with_a_wrong_testimonial_is_refused(client, editor, changes, message):
    make_testimonial(make_career(), slug="aude")
    response = submit(
        client,
        url(Career),
        rows=[("testimonial", new_testimonial_fields(**changes))],
        **career_fields(),
    )
    assert_refused(response)
    assert message in row_text(response, "testimonial", 0)
    assert typed(response, "testimonial", 0, "town") == "Créteil"
    assert not Career.objects.filter(slug="conseiller-mutualiste").exists()


def test_the_testimonial_admin_refuses_an_unknown_departement(client, editor, actuaire):
    testimonial = make_testimonial(actuaire)
    response = submit(client, url(Witness, "change", testimonial), department="2C")
    assert_refused(response)
    assert BAD_DEPARTMENT in error_messages(response)
    assert form_data(response)["department"] == "2C"


# Level ranges the right way up.


UPSIDE_DOWN = {
    Career: (make_career, career_fields, {"level_min": "5", "level_max": "2"}, CAREER_LEVELS),
    Diploma: (make_diploma, diploma_fields, {"level": "5", "level_max": "2"}, DIPLOMA_LEVELS),
}


@pytest.mark.parametrize("view", ["add", "change"])
@pytest.mark.parametrize("model", [Career, Diploma])
def test_a_level_range_upside_down_is_refused(client, editor, model, view):
    make, fields, levels, message = UPSIDE_DOWN[model]
    obj = make() if view == "change" else None
    response = submit(client, url(model, view, obj), **{**({} if obj else fields()), **levels})
    assert_refused(response)
    assert message in error_messages(response)
    assert {name: form_data(response)[name] for name in levels} == levels


def test_a_list_editable_changelist_checks_the_fields_it_does_not_edit(rf, editor, monkeypatch):
    # No changelist edits a constrained field today; one that did would use this formset.
    career = make_career(level_min=2, level_max=3)
    model_admin = admin.site._registry[Career]
    monkeypatch.setattr(model_admin, "list_editable", ["level_min"])
    request = rf.post("/")
    request.user = editor
    FormSet = model_admin.get_changelist_formset(request)
    formset = FormSet(
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(career.pk),
            "form-0-level_min": "5",
        },
        queryset=Career.objects.filter(pk=career.pk),
    )
    assert not formset.is_valid()
    assert CAREER_LEVELS in str(formset.forms[0].errors)


# What other content still cites cannot be deleted.


def test_a_speciality_row_still_cited_by_a_job_is_kept_with_a_message(
    client, editor, actuaire, bts, sp3s
):
    Pathway.objects.create(career=actuaire, diploma=bts, speciality=sp3s, position=1)
    response = submit(
        client, url(Diploma, "change", bts), edits={("specialities", 0): {"DELETE": "on"}}
    )
    assert_refused(response)
    assert (
        "Impossible de supprimer cette ligne : elle est encore citée (métier : Actuaire)"
        in row_text(response, "specialities", 0)
    )
    assert typed(response, "specialities", 0, "DELETE") == "on"
    assert Speciality.objects.filter(pk=sp3s.pk).exists()


def test_a_speciality_row_nobody_cites_is_deleted(client, editor, bts, sp3s):
    response = submit(
        client, url(Diploma, "change", bts), edits={("specialities", 0): {"DELETE": "on"}}
    )
    assert response.status_code == 302
    assert not bts.specialities.exists()


@pytest.fixture
def cited(actuaire, bts, sp3s):
    """A family, a diploma and a speciality that a job still cites."""
    Pathway.objects.create(career=actuaire, diploma=bts, speciality=sp3s, position=1)
    return {Diploma: bts, Speciality: sp3s, Family: actuaire.family}


def assert_shows_what_protects_it(response):
    """The page says what protects the object, lists it, and offers no way to confirm."""
    content = element(page(response), "div", id="content")
    assert [p for p in texts(content, "p") if PROTECTED_PAGE in p], texts(content, "p")
    assert [item for item in texts(content, "li") if "Actuaire" in item]
    assert elements(content, "input", type="submit") == []


@pytest.mark.parametrize("model", [Diploma, Speciality, Family])
def test_deleting_what_a_job_still_cites_shows_what_cites_it(client, editor, cited, model):
    obj = cited[model]
    delete_url = url(type(obj), "delete", obj)
    for response in (client.get(delete_url), client.post(delete_url, {"post": "yes"})):
        assert_shows_what_protects_it(response)
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", [Diploma, Speciality, Family])
def test_deleting_a_selection_a_job_still_cites_shows_what_cites_it(client, editor, cited, model):
    obj = cited[model]
    changelist = url(type(obj), "changelist")
    for extra in ({}, {"post": "yes"}):
        response = client.post(
            changelist, {"action": "delete_selected", "_selected_action": [obj.pk], **extra}
        )
        assert_shows_what_protects_it(response)
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_every_content_inline_reports_database_rules_as_form_errors():
    request = RequestFactory().get("/")
    request.user = User(is_superuser=True, is_staff=True)
    for model_admin in admin.site._registry.values():
        for inline in model_admin.get_inline_instances(request):
            assert issubclass(inline.formset, ConstraintFormSetMixin), inline
