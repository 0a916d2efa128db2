import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def fresh_content_types():
    """Forget cached content type ids before each test.

    Tests that flush the database (transactional ones, the browser suite, backup tests)
    renumber the content types, and the cache would hand the next test ids that no longer
    exist: reversion's versions point at content types, so their commit would fail.
    """
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages rendered afresh, so that tests may read a response's context and templates.

    Each test starts with an empty cache either way: the database it sees is its own.
    """
    cache.clear()
    settings.PAGE_CACHE = False


@pytest.fixture
def page_cache(settings, no_page_cache):
    """Pages cached as in production (tests/test_page_cache*.py, tests/test_publication.py)."""
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The real hasher is slow on purpose; the login and lockout tests hash dozens of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def brochure(db):
    """The real content, as `make run` loads it: first versions and search index included."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def editor(client):
    """A logged-in member of the Éditeurs group, as the migration sets it up."""
    user = User.objects.create_user("edith", password="un-mot-de-passe-solide", is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(user)
    return user
