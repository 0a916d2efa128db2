import pytest
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError

from careers.management.commands.load_content import fixture_paths
from careers.models import Career, Family, Pathway
from careers.models import Testimonial as Witness  # a Test* name would confuse pytest
from diplomas.models import Diploma, DiplomaType, Speciality

pytestmark = pytest.mark.django_db


def test_the_brochure_counts_match(brochure):
    assert Family.objects.count() == 4
    assert Career.objects.count() == 15
    assert Witness.objects.count() == 12
    assert Diploma.objects.filter(diploma_type=DiplomaType.STATE).count() == 3
    assert Diploma.objects.filter(diploma_type=DiplomaType.CQP).count() == 4


def test_every_job_has_a_family_and_at_least_one_diploma(brochure):
    for career in Career.objects.all():
        assert career.family_id, career
        assert career.pathways.exists(), f"{career} has no diploma"


def test_every_speciality_the_formations_section_cites_is_there(brochure):
    cited = {
        ("bts", "management des unités commerciales"),
        ("bts", "négociation et relation client"),
        ("bts", "hygiène, propreté, environnement"),
        ("bts", "communication des entreprises"),
        ("bts", "informatique de gestion"),
        ("dut", "techniques de commercialisation"),
        ("dut", "hygiène, sécurité, environnement"),
        ("dut", "gestion logistique et transport"),
        ("dut", "information-communication"),
        ("dut", "services et réseaux de communication"),
        ("deust", "conseiller en hygiène et environnement"),
        ("licence-pro", "vente d’assurances de personnes"),
        ("du", "actuaire"),
        ("du", "gestion des opérations logistiques"),
        ("du", "responsable des mutualistes"),
    }
    found = set(Speciality.objects.values_list("diploma__slug", "name"))
    missing = {
        (d, n) for d, n in cited if (d, n) not in found and (d, n.replace("'", "’")) not in found
    }
    assert not missing


def test_testimonials_keep_exact_names_and_places(brochure):
    rows = set(Witness.objects.values_list("first_name", "employer", "town", "department"))
    assert ("Bruno", "MNFCT", "Vincennes", "94") in rows
    assert ("Catherine", "Prévadiès", "Laxou", "54") in rows
    assert ("Monique", "Mutuelle Adrea", "Saint-Pourçain-sur-Sioule", "03") in rows
    assert ("Marie", "MGEN sanitaire et sociale", "Saint-Thomas-en-Royans", "26") in rows
    assert ("Marie", "Mutuelles Santé Plus", "Chalon-sur-Saône", "71") in rows
    assert ("Laetitia", "Harmonie Mutualité", "Angers", "49") in rows


def test_the_interleaved_fiches_get_their_own_diploma_boxes(brochure):
    def diplomas_of(slug):
        return set(
            Pathway.objects.filter(career__slug=slug).values_list("diploma__slug", flat=True)
        )

    assert "diplome-comptabilite-gestion" in diplomas_of("controleur-de-gestion")
    assert "diplome-psychologue" in diplomas_of("charge-de-recrutement")
    webmestre = Pathway.objects.filter(career__slug="webmestre")
    assert set(webmestre.values_list("speciality__slug", flat=True)) >= {
        "informatique-de-gestion",
        "services-et-reseaux-de-communication",
        "ingenieur-multimedia",
    }


def test_loading_the_fixtures_twice_duplicates_nothing(brochure):
    before = (Career.objects.count(), Pathway.objects.count(), Speciality.objects.count())
    call_command("loaddata", *fixture_paths(), verbosity=0)
    assert (Career.objects.count(), Pathway.objects.count(), Speciality.objects.count()) == before


@pytest.mark.parametrize(
    "tail, error",
    [
        (
            '{"model": "careers.career", "fields": {"slug": "x", "family": ["nope"]}}]',
            IntegrityError,
        ),
        ('{"model": "careers.career", "fields": {"slug": "x", ', DeserializationError),
    ],
    ids=["dangling family", "truncated file"],
)
def test_a_broken_fixture_loads_nothing(db, tmp_path, tail, error):
    good = open("fixtures/families.json").read().rstrip().removesuffix("]")
    path = tmp_path / "broken.json"
    path.write_text(good + ", " + tail)
    with pytest.raises(error):
        call_command("loaddata", str(path), verbosity=0)
    assert Family.objects.count() == 0


def test_load_content_fills_an_empty_database(db):
    call_command("load_content", verbosity=0)
    assert Career.objects.count() == 15


def test_load_content_never_overwrites_an_editors_change(brochure):
    Career.objects.filter(slug="actuaire").update(lead="Texte revu par la rédaction.")
    call_command("load_content", verbosity=0)
    assert Career.objects.get(slug="actuaire").lead == "Texte revu par la rédaction."
    call_command("load_content", "--force", verbosity=0)
    assert Career.objects.get(slug="actuaire").lead != "Texte revu par la rédaction."
    assert Career.objects.count() == 15
