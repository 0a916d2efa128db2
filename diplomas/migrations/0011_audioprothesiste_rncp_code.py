"""Give an existing database the one RNCP code a public source confirms (the fixtures
carry it for new ones): the diplôme d'État d'audioprothésiste, RNCP36110."""

from django.db import migrations

SLUG = "de-audioprothesiste"
CODE = "RNCP36110"
URL = "https://www.francecompetences.fr/recherche/rncp/36110/"
REASON = (
    " Le code RNCP36110 est celui de la fiche du diplôme d’État d’audioprothésiste au "
    "Répertoire national des certifications professionnelles."
)
SOURCE = " ; France compétences, fiche RNCP36110"


def add_code(apps, schema_editor):
    Diploma = apps.get_model("diplomas", "Diploma")
    diploma = Diploma.objects.filter(slug=SLUG, rncp_code="").first()
    # An editor's own signature with a source URL of its own is left alone.
    if diploma is None or diploma.addition_url:
        return
    diploma.rncp_code = CODE
    diploma.rncp_code_source = "ajout"
    diploma.addition_reason = (diploma.addition_reason + REASON).strip()
    diploma.addition_source = (diploma.addition_source + SOURCE).strip(" ;")
    diploma.addition_url = URL
    diploma.added_by = diploma.added_by or "la rédaction du site"
    diploma.added_on = diploma.added_on or diploma.updated_at.date()
    diploma.save()


class Migration(migrations.Migration):
    dependencies = [("diplomas", "0010_crosswalk_codes_and_updated_at")]

    operations = [migrations.RunPython(add_code, migrations.RunPython.noop)]
