"""The index follows editors' saves: new, edited, unpublished and deleted content."""

import pytest
from django.core.management import call_command

from search.engine import search
from search.models import DocumentKind, SearchDocument

from .helpers import make_career, make_diploma, make_family, make_speciality, make_testimonial

pytestmark = pytest.mark.django_db


def found(query):
    results = search(query)
    return {hit.url for group in results.groups for hit in group.hits}


def test_a_new_job_is_found_at_once():
    career = make_career(title_masculine="Gestionnaire sinistres")
    assert career.get_absolute_url() in found("gestionnaire")


def test_an_edited_title_is_searched_under_its_new_name():
    career = make_career(title_masculine="Gestionnaire sinistres")
    career.title_masculine = "Souscripteur"
    career.save()
    assert career.get_absolute_url() in found("souscripteur")
    assert career.get_absolute_url() not in found("gestionnaire")


def test_an_unpublished_job_and_its_testimonial_drop_out():
    career = make_career(title_masculine="Gestionnaire sinistres")
    make_testimonial(career, town="Quimper")
    career.is_published = False
    career.save()
    assert found("gestionnaire") == set()
    assert found("Quimper") == set()


def test_unpublishing_a_family_hides_its_jobs():
    family = make_family()
    make_career(family=family, title_masculine="Gestionnaire sinistres")
    family.is_published = False
    family.save()
    assert found("gestionnaire") == set()


def test_a_deleted_job_leaves_no_document():
    career = make_career(title_masculine="Gestionnaire sinistres")
    career.delete()
    assert not SearchDocument.objects.filter(kind=DocumentKind.CAREER, object_id=career.pk).exists()


def test_a_job_is_found_through_a_diploma_added_to_it():
    diploma = make_diploma(short_name="BTSA", name="Brevet de technicien supérieur agricole")
    career = make_career(title_masculine="Conseiller agricole")
    assert career.get_absolute_url() not in found("BTSA")
    career.pathways.create(diploma=diploma)
    assert career.get_absolute_url() in found("BTSA")


def test_a_renamed_speciality_is_searched_in_its_diploma_and_its_jobs():
    diploma = make_diploma()
    speciality = make_speciality(diploma, name="assurance")
    career = make_career(diplomas=[diploma])
    career.pathways.update(speciality=speciality)
    speciality.name = "mutualité territoriale"
    speciality.save()
    assert {diploma.get_absolute_url(), career.get_absolute_url()} <= found("territoriale")


def test_an_edited_testimonial_is_found_by_its_new_town():
    testimonial = make_testimonial(make_career(), town="Lyon")
    testimonial.town = "Besançon"
    testimonial.save()
    # The hit leads to the job page, where the story is told.
    assert f"{testimonial.career.get_absolute_url()}#temoignage-titre" in found("besancon")


def test_the_rebuild_command_indexes_everything_loaddata_brought_in(brochure):
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    # 15 jobs, 19 diplomas and CQP, 12 testimonials.
    assert SearchDocument.objects.count() == 46
