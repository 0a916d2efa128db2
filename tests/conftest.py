import pytest
from django.core.management import call_command

FIXTURES = ["fixtures/families.json", "fixtures/diplomas.json", "fixtures/careers.json"]


@pytest.fixture
def brochure(db):
    """The real content, as `make run` loads it (the search index is rebuilt after loaddata)."""
    call_command("loaddata", *FIXTURES, verbosity=0)
    call_command("rebuild_search_index", verbosity=0)
