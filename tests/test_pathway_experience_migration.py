"""Migration careers 0008 adds a link's experience condition: existing databases get the
brochure's, and rows written before it (old versions, old backups) read as « non précisé »."""

import importlib
import json

import pytest
import reversion
from django.apps import apps
from reversion.models import Version

from careers.models import Pathway
from mutuelles_site.provenance import Provenance

from .helpers import make_career, make_diploma

pytestmark = pytest.mark.django_db

migration = importlib.import_module("careers.migrations.0008_pathway_experience")


def test_an_existing_database_gets_the_brochures_experience_condition(brochure):
    Pathway.objects.update(experience=None, experience_source=Provenance.UNKNOWN)

    migration.record_brochure_experience(apps, schema_editor=None)

    marked = Pathway.objects.filter(experience=True, experience_source=Provenance.BROCHURE)
    assert {(p.career.slug, p.diploma.slug) for p in marked} == {
        ("responsable-de-centre-de-gestion", "master-pro"),
        ("responsable-de-centre-de-gestion", "ecole-ingenieur-commerce"),
    }
    assert Pathway.objects.filter(experience=None).count() == Pathway.objects.count() - 2


def test_a_version_written_before_the_experience_field_reverts_to_unknown():
    with reversion.create_revision():
        career = make_career(diplomas=[make_diploma()])
        reversion.add_to_revision(career.pathways.get())
    version = Version.objects.get_for_object(career.pathways.get()).get()
    rows = json.loads(version.serialized_data)
    for name in ("experience", "experience_source"):
        del rows[0]["fields"][name]
    version.serialized_data = json.dumps(rows, ensure_ascii=False)
    version.save()
    Pathway.objects.update(experience=True, experience_source=Provenance.BROCHURE)

    version.revert()

    link = career.pathways.get()
    assert (link.experience, link.experience_source) == (None, Provenance.UNKNOWN)
