"""Small builders with keyword defaults (no factory framework)."""

from itertools import count

from careers.models import Career, Family, Pathway, Testimonial
from diplomas.models import Diploma, DiplomaType, Speciality

_seq = count(1)


def make_family(**kwargs):
    n = next(_seq)
    fields = {"slug": f"famille-{n}", "name": f"Famille {n}", "position": n}
    return Family.objects.create(**{**fields, **kwargs})


def make_diploma(**kwargs):
    n = next(_seq)
    fields = {
        "slug": f"diplome-{n}",
        "short_name": f"Diplôme {n}",
        "name": f"Diplôme numéro {n}",
        "diploma_type": DiplomaType.BTS,
        "level": 2,
        "summary": "Un diplôme.",
    }
    return Diploma.objects.create(**{**fields, **kwargs})


def make_speciality(diploma, **kwargs):
    n = next(_seq)
    fields = {"slug": f"specialite-{n}", "name": f"spécialité {n}"}
    return Speciality.objects.create(diploma=diploma, **{**fields, **kwargs})


def make_career(family=None, diplomas=(), **kwargs):
    n = next(_seq)
    fields = {
        "slug": f"metier-{n}",
        "title_masculine": f"Métier {n}",
        "title_feminine": f"Métière {n}",
        "lead": "Un métier.",
        "body": "Ce qu'il fait.",
        "level_min": 2,
        "level_max": 5,
        "position": n,
    }
    career = Career.objects.create(family=family or make_family(), **{**fields, **kwargs})
    for position, diploma in enumerate(diplomas):
        Pathway.objects.create(career=career, diploma=diploma, position=position)
    return career


def make_testimonial(career, **kwargs):
    n = next(_seq)
    fields = {
        "slug": f"temoin-{n}",
        "first_name": "Camille",
        "job_title": "technicienne",
        "employer": "Mutuelle Test",
        "town": "Lyon",
        "department": "69",
        "headline": "Un beau métier",
        "story": "Son parcours.",
    }
    return Testimonial.objects.create(career=career, **{**fields, **kwargs})
