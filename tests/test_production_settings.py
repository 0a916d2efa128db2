"""DJANGO_ENV=production is safe by default and refuses to start half-configured.

Settings are read once per process, so each case runs manage.py in a fresh one.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k8Hq2-vL9pZr7mXwY4tB6nC1dF3gJ5sA0eU-iO_Vk2Lq9RzTx8Wy7Pm6Nb5Ha4Gc",
    "ALLOWED_HOSTS": "metiers-mutuelles.example.org",
    "DATABASE_URL": "postgres://guide@db.internal:5432/guide",
}
SETTINGS_VARIABLES = {
    *PRODUCTION,
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "BEHIND_PROXY",
    "TRUSTED_PROXY_COUNT",
    "ADMIN_URL",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "DEFAULT_FROM_EMAIL",
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_complete_production_configuration_passes_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_and_names_what_is_missing(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"DJANGO_ENV=production needs these environment variables: {missing}" in (result.stderr)


def test_production_names_every_missing_variable_at_once():
    result = manage("check", DJANGO_ENV="production")
    assert "needs these environment variables: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in (
        result.stderr
    )


def settings_in(env, *expressions):
    """The values of settings expressions in a fresh process with this environment."""
    code = f"from django.conf import settings as s; print({', '.join(expressions)})"
    return manage("shell", "--no-imports", "-c", code, **env).stdout.split()


def test_production_turns_debug_off_https_on_and_serves_compressed_hashed_static_files():
    values = settings_in(
        PRODUCTION,
        "s.DEBUG",
        "s.SECURE_SSL_REDIRECT",
        "s.SESSION_COOKIE_SECURE",
        "s.CSRF_COOKIE_SECURE",
        "s.SECURE_HSTS_SECONDS",
        "s.DATABASES['default']['CONN_MAX_AGE']",
        "s.DATABASES['default']['CONN_HEALTH_CHECKS']",
        "s.STORAGES['staticfiles']['BACKEND']",
    )
    assert values == [
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "60",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_plain_http_serving_is_an_explicit_switch():
    env = {**PRODUCTION, "SECURE_SSL_REDIRECT": "false", "SECURE_COOKIES": "false"}
    values = settings_in(env, "s.SECURE_SSL_REDIRECT", "s.SESSION_COOKIE_SECURE")
    assert values == ["False", "False"]


def test_without_any_environment_it_runs_in_development():
    values = settings_in({}, "s.DEBUG", "s.DATABASES['default']['ENGINE']", "s.SECURE_SSL_REDIRECT")
    assert values == ["True", "django.db.backends.sqlite3", "False"]


def test_an_unknown_environment_name_is_refused():
    result = manage("check", DJANGO_ENV="prod")
    assert "DJANGO_ENV must be development or production" in result.stderr
