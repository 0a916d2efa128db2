import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from careers.models import Career, Pathway

from .helpers import make_career, make_diploma, make_family, make_speciality, make_testimonial

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_job_whose_minimum_level_is_above_its_maximum():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_career(level_min=5, level_max=2)


def test_validation_explains_a_level_range_upside_down():
    career = Career(
        family=make_family(),
        slug="x",
        title_masculine="X",
        title_feminine="X",
        lead="l",
        body="b",
        level_min=5,
        level_max=2,
    )
    with pytest.raises(ValidationError) as error:
        career.full_clean()
    assert "Le niveau minimal doit être inférieur ou égal au niveau maximal." in str(error.value)


def test_the_database_refuses_a_level_off_the_scale():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_career(level_min=1, level_max=9)


def test_job_slugs_are_unique():
    make_career(slug="actuaire")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_career(slug="actuaire")


def test_a_diploma_level_max_below_its_level_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_diploma(level=5, level_max=2)


def test_a_job_cannot_cite_the_same_diploma_twice():
    diploma = make_diploma()
    career = make_career(diplomas=[diploma])
    with pytest.raises(IntegrityError), transaction.atomic():
        Pathway.objects.create(career=career, diploma=diploma)


def test_a_speciality_must_belong_to_the_pathway_diploma():
    bts, dut = make_diploma(), make_diploma()
    pathway = Pathway(career=make_career(), diploma=bts, speciality=make_speciality(dut))
    with pytest.raises(ValidationError):
        pathway.full_clean()


def test_a_testimonial_department_must_be_real():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_testimonial(make_career(), department="99")
