"""N times the brochure's content, for benchmarks: `multiply_content` and a command around it.

`multiply_content(copies)` is the one builder of large content: bench/search_bench.py times
search with it, tests/test_bounded_pages.py checks pages stay small with it, and
`make bench-pages CONTENT_COPIES=100` serves a database built by the command below.
"""

import hashlib
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader

from careers.management.commands.load_content import fixture_paths

STAMP_TABLE = "bench_content_stamp"


def multiply_content(copies):
    """Load the brochure, then add copies - 1 copies of every job, testimonial and diploma.

    Takes the multiplier (1 leaves the brochure as it is); returns nothing. Copies are
    bulk-created, without signals or versions, with slugs and job titles suffixed by their
    copy number; the search index is rebuilt at the end, so search sees every copy.
    """
    from careers.models import Career, Pathway, Testimonial
    from diplomas.models import Diploma, Speciality

    call_command("load_content", verbosity=0)
    careers = list(Career.objects.all())
    testimonials = {t.career_id: t for t in Testimonial.objects.all()}
    pathways = list(Pathway.objects.all())
    diplomas = list(Diploma.objects.all())
    specialities = list(Speciality.objects.all())
    for n in range(2, copies + 1):
        new_careers = Career.objects.bulk_create(
            [_copy(c, n, title_masculine=f"{c.title_masculine} {n}") for c in careers]
        )
        by_old = dict(zip([c.pk for c in careers], new_careers, strict=True))
        Testimonial.objects.bulk_create(
            [_copy(t, n, career=by_old[old]) for old, t in testimonials.items()]
        )
        Pathway.objects.bulk_create([_copy(p, n, career=by_old[p.career_id]) for p in pathways])
        new_diplomas = Diploma.objects.bulk_create([_copy(d, n) for d in diplomas])
        diploma_by_old = dict(zip([d.pk for d in diplomas], new_diplomas, strict=True))
        Speciality.objects.bulk_create(
            [_copy(s, n, diploma=diploma_by_old[s.diploma_id]) for s in specialities]
        )
    call_command("rebuild_search_index", verbosity=0)


def _copy(obj, n, **changes):
    """An unsaved copy of model instance `obj`: slug suffixed with -n, `changes` applied."""
    fields = {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key
    }
    if "slug" in fields:
        fields["slug"] = f"{fields['slug']}-{n}"
    for name, value in changes.items():
        fields.pop(f"{name}_id", None)
        fields[name] = value
    return type(obj)(**fields)


def fingerprint(copies):
    """A hex digest of what the built database depends on: the multiplier, every migration
    file, the fixtures and this builder's source. Another digest means: build again."""
    digest = hashlib.sha256(f"copies={copies}\n".encode())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    files = sorted(
        sys.modules[type(migration).__module__].__file__
        for migration in loader.disk_migrations.values()
    )
    for path in [*files, *fixture_paths(), __file__]:
        digest.update(path.encode() + b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


def stored_fingerprint():
    """The fingerprint the database was built with, or None (no database, or not built)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT fingerprint FROM {STAMP_TABLE}")
            row = cursor.fetchone()
    except DatabaseError:
        return None
    finally:
        # The database may be dropped and created again next: no connection may hold it.
        connection.close()
    return row[0] if row else None


class Command(BaseCommand):
    help = (
        "Build the database DATABASE_URL names (bench-N.sqlite3 or *_benchN: it is dropped "
        "first) with "
        "--copies times the brochure's content and its search index. Does nothing when it "
        "was already built with the same copies, migrations, fixtures and builder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--copies", type=int, default=100, help="multiplier, 1 to 1000")

    def handle(self, *args, copies, **options):
        if not 1 <= copies <= 1000:
            raise CommandError("--copies must be between 1 and 1000")
        database = settings.DATABASES["default"]
        name = str(database["NAME"])
        # Only a database named for this benchmark is ever dropped, never the site's own:
        # bench-N.sqlite3, or a name ending in _benchN (as `make bench-pages` names them).
        if not (Path(name).name == f"bench-{copies}.sqlite3" or name.endswith(f"_bench{copies}")):
            raise CommandError(
                f"{name!r} is not a bench database for {copies} copies: its name must be "
                f"bench-{copies}.sqlite3 or end in _bench{copies}"
            )
        if connection.vendor == "sqlite":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        wanted = fingerprint(copies)
        if stored_fingerprint() == wanted:
            self.stdout.write(f"{name}: {copies}x content already built, reused.")
            return
        self.stdout.write(f"{name}: building {copies}x the brochure's content...")
        # Django's portable "drop if present, create, migrate", as for a test database.
        database["TEST"]["NAME"] = name
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        multiply_content(copies)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE {STAMP_TABLE} (fingerprint varchar(64) NOT NULL)")
            cursor.execute(f"INSERT INTO {STAMP_TABLE} VALUES (%s)", [wanted])
        self.stdout.write(f"{name}: built.")
