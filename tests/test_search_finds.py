"""What people type finds the right job, diploma or testimonial first, on every database.

Each row: the query, then the kind and slug(s) of the expected best result. Built from the
brochure's content and loaded from the real fixtures.
"""

import pytest

from careers import models as careers
from diplomas.models import Diploma
from search.engine import search
from search.models import DocumentKind

pytestmark = pytest.mark.django_db

CAREER, DIPLOMA, TESTIMONIAL = DocumentKind.CAREER, DocumentKind.DIPLOMA, DocumentKind.TESTIMONIAL

TABLE = [
    # Accents and case
    ("educateur", CAREER, "educateur-specialise"),
    ("EDUCATEUR SPECIALISE", CAREER, "educateur-specialise"),
    ("Éducateur", CAREER, "educateur-specialise"),
    ("controleur de gestion", CAREER, "controleur-de-gestion"),
    ("prevadies", TESTIMONIAL, "catherine"),
    # Plural and feminine forms
    ("educatrice", CAREER, "educateur-specialise"),
    ("éducatrices spécialisées", CAREER, "educateur-specialise"),
    ("infirmiere", CAREER, "infirmier-coordinateur"),
    ("infirmières", CAREER, "infirmier-coordinateur"),
    ("opticiens", CAREER, "opticien"),
    ("opticienne", CAREER, "opticien"),
    ("techniciennes", CAREER, "technicien-en-prestations"),
    ("conceptrice", CAREER, "concepteur-technique-de-produit"),
    ("coordinatrice", CAREER, "infirmier-coordinateur"),
    ("contrôleuse de gestion", CAREER, "controleur-de-gestion"),
    ("chargée de recrutement", CAREER, "charge-de-recrutement"),
    ("animatrices prévention", CAREER, "animateur-prevention"),
    ("webmestres", CAREER, "webmestre"),
    # Typos of one or two letters in words of six letters or more
    ("actuair", CAREER, "actuaire"),
    ("audioprotésiste", CAREER, "audioprothesiste"),
    ("infirmeire", CAREER, "infirmier-coordinateur"),
    ("opticein", CAREER, "opticien"),
    ("educatuer", CAREER, "educateur-specialise"),
    ("webmestr", CAREER, "webmestre"),
    # Abbreviations and long forms
    ("BTS", DIPLOMA, "bts"),
    ("brevet de technicien supérieur", DIPLOMA, "bts"),
    ("licence pro", DIPLOMA, "licence-pro"),
    ("licence professionnelle", DIPLOMA, "licence-pro"),
    ("DCG", DIPLOMA, "diplome-comptabilite-gestion"),
    ("webmaster", CAREER, "webmestre"),
    ("CQP téléconseiller", DIPLOMA, "cqp-teleconseiller"),
    ("formation infirmier", DIPLOMA, "de-infirmier"),
    ("diplôme d'État d'infirmier", DIPLOMA, "de-infirmier"),
    ("master actuariat", DIPLOMA, "master-pro"),
    # Towns and employers from the testimonials
    ("Vincennes", TESTIMONIAL, ("bruno", "olivier")),
    ("MGEN", TESTIMONIAL, ("marie-claude", "patrice", "marie-educatrice")),
    ("Toulon", TESTIMONIAL, "xavier"),
    ("Harmonie Mutualité", TESTIMONIAL, ("audrey", "laetitia")),
    ("Saint-Pourçain", TESTIMONIAL, "monique"),
    # What the job is about
    ("métier avec le bac", CAREER, "technicien-en-prestations"),
    ("lunettes", CAREER, "opticien"),
    ("surdité", CAREER, "audioprothesiste"),
    ("statistiques", CAREER, "actuaire"),
    ("ressources humaines", CAREER, "charge-de-recrutement"),
    ("achats", CAREER, "responsable-achats-logistique"),
    ("responsable communication", CAREER, "responsable-communication"),
]

MODELS = {CAREER: careers.Career, DIPLOMA: Diploma, TESTIMONIAL: careers.Testimonial}


def expected_urls(kind, slugs):
    slugs = (slugs,) if isinstance(slugs, str) else slugs
    return {MODELS[kind].objects.get(slug=slug).get_absolute_url() for slug in slugs}


@pytest.mark.parametrize(("query", "kind", "slugs"), TABLE, ids=[row[0] for row in TABLE])
def test_the_best_result_is_the_expected_one(brochure, query, kind, slugs):
    best = search(query).best
    assert best is not None, f"nothing found for {query!r}"
    assert best.url in expected_urls(kind, slugs)


def test_the_table_has_at_least_thirty_queries():
    assert len(TABLE) >= 30
