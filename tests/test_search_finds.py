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
    ("master professionnel actuariat", DIPLOMA, "master-pro"),
    # Towns and employers from the testimonials
    ("Vincennes", TESTIMONIAL, ("bruno", "olivier")),
    ("MGEN", TESTIMONIAL, ("marie-claude", "patrice", "marie-educatrice")),
    ("Toulon", TESTIMONIAL, "xavier"),
    ("Harmonie Mutualité", TESTIMONIAL, ("audrey", "laetitia")),
    ("Saint-Pourçain", TESTIMONIAL, "monique"),
    # What the job is about
    ("métier technicien avec le bac", CAREER, "technicien-en-prestations"),
    ("lunettes", CAREER, "opticien"),
    ("surdité", CAREER, "audioprothesiste"),
    ("statistiques", CAREER, "actuaire"),
    ("ressources humaines", CAREER, "charge-de-recrutement"),
    ("achats", CAREER, "responsable-achats-logistique"),
    ("responsable communication", CAREER, "responsable-communication"),
    # Everyday words and the editors' synonyms (fixtures/synonyms.json)
    ("comptable", CAREER, "controleur-de-gestion"),
    ("compta", DIPLOMA, "diplome-comptabilite-gestion"),
    (
        "alternance",
        DIPLOMA,
        (
            "de-educateur-specialise",
            "cqp-assistant-commercial",
            "cqp-conseiller-mutualiste",
            "cqp-teleconseiller",
            "cqp-specialiste-prestations-sante-prevoyance",
        ),
    ),
    ("malentendants", CAREER, "audioprothesiste"),
    ("appareil auditif", CAREER, "audioprothesiste"),
    ("recruteuse", CAREER, "charge-de-recrutement"),
    ("juriste", CAREER, "charge-detudes-juridiques"),
    ("site web", CAREER, "webmestre"),
    ("IFSI", DIPLOMA, "de-infirmier"),
    ("IUT", DIPLOMA, "dut"),
    ("actuariat", CAREER, "actuaire"),
    # Compounds with or without their hyphen or space
    ("audio-prothésiste", CAREER, "audioprothesiste"),
    ("audio prothésiste", CAREER, "audioprothesiste"),
    ("audio prothesistes", CAREER, "audioprothesiste"),
    ("oto-rhino-laryngologiste", CAREER, "audioprothesiste"),
    ("otorhinolaryngologiste", CAREER, "audioprothesiste"),
    ("web mestre", CAREER, "webmestre"),
    # How students write: no accents, capitals, SMS and phonetic spellings
    ("AUDIOPROTHESISTE", CAREER, "audioprothesiste"),
    ("educ spé", CAREER, "educateur-specialise"),
    ("opticienes", CAREER, "opticien"),
    ("actuaires", CAREER, "actuaire"),
    ("chargé detudes juridiques", CAREER, "charge-detudes-juridiques"),
    ("controleuse de gesion", CAREER, "controleur-de-gestion"),
    ("responsable achat", CAREER, "responsable-achats-logistique"),
    ("animateur de prevention", CAREER, "animateur-prevention"),
    ("infirmier coordinatrice", CAREER, "infirmier-coordinateur"),
    ("technicienne en prestation", CAREER, "technicien-en-prestations"),
    ("conseiller mutualiste", DIPLOMA, "cqp-conseiller-mutualiste"),
    ("téléconseillère", DIPLOMA, "cqp-teleconseiller"),
    ("psychologue", DIPLOMA, "diplome-psychologue"),
    ("avocat", DIPLOMA, "formation-avocat"),
    ("cadre de santé", DIPLOMA, "diplome-cadre-de-sante"),
]

MODELS = {CAREER: careers.Career, DIPLOMA: Diploma, TESTIMONIAL: careers.Testimonial}


def expected_urls(kind, slugs):
    """A testimonial's hit leads to its job page, where its story is shown."""
    slugs = (slugs,) if isinstance(slugs, str) else slugs
    objects = [MODELS[kind].objects.get(slug=slug) for slug in slugs]
    if kind == TESTIMONIAL:
        return {f"{t.career.get_absolute_url()}#temoignage-titre" for t in objects}
    return {obj.get_absolute_url() for obj in objects}


@pytest.mark.parametrize(("query", "kind", "slugs"), TABLE, ids=[row[0] for row in TABLE])
def test_the_best_result_is_the_expected_one(brochure, query, kind, slugs):
    best = search(query).best
    assert best is not None, f"nothing found for {query!r}"
    assert best.url in expected_urls(kind, slugs)


def test_the_table_has_at_least_sixty_queries():
    assert len(TABLE) >= 60
