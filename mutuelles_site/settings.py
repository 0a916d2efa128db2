"""Settings for the careers guide.

One plain module. With no environment at all it runs on a local SQLite file with DEBUG on;
DATABASE_URL switches to PostgreSQL (or any database dj-database-url understands).
DJANGO_ENV=production turns every safety on and refuses to start without SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name, default)
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def envnumber(name, default, kind=int):
    value = os.environ.get(name, default)
    try:
        return kind(value)
    except ValueError:
        what = "an integer" if kind is int else "a number"
        raise ImproperlyConfigured(f"{name} must be {what}, got {value!r}") from None


def envint(name, default):
    return envnumber(name, default)


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
if ENVIRONMENT not in ("development", "production"):
    raise ImproperlyConfigured(f"DJANGO_ENV must be development or production, got {ENVIRONMENT!r}")
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    # A production server with a guessable key, any Host header or a throwaway SQLite file
    # would start silently and be wrong; name everything that is missing at once.
    missing = [
        name
        for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
        if not os.environ.get(name, "").strip()
    ]
    if missing:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs these environment variables: " + ", ".join(missing)
        )

DEBUG = envbool("DEBUG", "false" if PRODUCTION else "true")
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Moving the admin off the well-known address keeps most password-guessing robots away.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(f"ADMIN_URL must look like 'gestion/', got {ADMIN_URL!r}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's own widget templates, for FORM_RENDERER below.
    "django.forms",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "axes",
    "reversion",
    "diplomas",
    "careers",
    "search",
    "backups",
    "selection",
    "opendata",
    # The project package itself, to connect the page cache to content changes.
    "mutuelles_site.apps.SiteConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside CSP: the policy has no nonce, so a stored page keeps a valid header and a hit
    # skips building it again. A policy with nonces would need this inside CSPMiddleware.
    # Outside the session, so a cached page costs no database query.
    "mutuelles_site.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mutuelles_site.database_errors.DatabaseUnavailableMiddleware",
    # Axes asks to be last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mutuelles_site.urls"
WSGI_APPLICATION = "mutuelles_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mutuelles_site.context_processors.site_links",
            ],
            # Tags of the project's helpers, which is no app: provenance marks and notes,
            # the breadcrumb, the <head> read by search engines.
            "libraries": {
                "provenance": "mutuelles_site.templatetags.provenance",
                "navigation": "mutuelles_site.templatetags.navigation",
                "seo": "mutuelles_site.templatetags.seo",
            },
        },
    },
]

# Widgets render through TEMPLATES, so that templates/django/forms/ can replace one of
# Django's widget templates (the select, whose options it writes in place: faster).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Reusing connections saves a PostgreSQL handshake per request; the health check
        # drops a connection the server has closed (restart, failover) before it is used.
        conn_max_age=envint("CONN_MAX_AGE", "60" if PRODUCTION else "0"),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password is checked.
    "mutuelles_site.axes_hooks.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Backups (and dumpdata) keep datetimes to the microsecond; see backups/serializer.py.
SERIALIZATION_MODULES = {"json": "backups.serializer"}

# The cache: Redis, shared by every worker and server, with REDIS_URL; otherwise memory of
# each process. Short timeouts: a stalled Redis costs a request a quarter of a second, then
# pages are served uncached (mutuelles_site/page_cache.py) until it answers again.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"REDIS_URL must start with redis://, rediss:// or unix://, got {REDIS_URL!r}"
    )
CACHE_TIMEOUT_SECONDS = envnumber("CACHE_TIMEOUT_SECONDS", "0.25", float)
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, reusing its client objects (see the module).
            "BACKEND": "mutuelles_site.redis_cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "guide"),
            "OPTIONS": {
                "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages are cached per content version (mutuelles_site/page_cache.py). Saves
# and deletes of these apps' or models' rows replace the version. The version must be
# shared by every worker, so production caches pages only with REDIS_URL: with memory
# caches, a worker would keep serving what another worker's editor just changed.
# PAGE_CACHE=false serves every page fresh (to measure the pages themselves).
PAGE_CACHE = envbool("PAGE_CACHE", "true" if REDIS_URL or not PRODUCTION else "false")
PAGE_CACHE_CONTENT = ["careers", "diplomas", "search.Synonym"]
# Never cached nor public: the admin, the visitor's own selection, the throttled API.
PAGE_CACHE_SKIPPED_PATHS = [ADMIN_URL, "selection/", "api/"]
# How long a browser, proxy or CDN may serve a page without asking, then while revalidating.
PAGE_CACHE_MAX_AGE = envint("PAGE_CACHE_MAX_AGE", "300")
PAGE_CACHE_STALE_SECONDS = envint("PAGE_CACHE_STALE_SECONDS", "60")

# Public lists are paginated; this is the page size of the job and diploma lists.
PAGE_SIZE = envint("PAGE_SIZE", "12")

# The read-only API (/api/v1/, opendata/api.py): anonymous, JSON only, throttled per client
# address. The throttle counts in the default cache, which is per process until a shared
# cache is configured (see README, "Scaling out").
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttling.AnonThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opendata.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Les métiers des mutuelles : API en lecture seule",
    "DESCRIPTION": "Les familles de métiers, les métiers et les formations du guide, publiés "
    "seulement, avec la source de chaque fait. Données sous Licence Ouverte 2.0 ; "
    "attribution : ONISEP, Les métiers des mutuelles, 2009.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "Provenance": "mutuelles_site.provenance.Provenance.choices",
        "Level": "diplomas.levels.LEVEL_CHOICES",
    },
    # The schema endpoint itself is public and anonymous like the rest of the API.
    "SERVE_PERMISSIONS": [],
    "SERVE_AUTHENTICATION": [],
}

# Security headers. SecurityMiddleware sends nosniff, Referrer-Policy and
# Cross-Origin-Opener-Policy; CSPMiddleware the Content-Security-Policy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every script and style is a file served from this site: no inline code, no third party.
# The admin works under this policy too (it passes its data in data- attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
    }
}

# HTTPS. On in production; SECURE_SSL_REDIRECT=false serves plain http (make serve), for
# instance when the proxy in front already redirects.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true" if PRODUCTION else "false")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
# The preload flag only makes the domain eligible; nothing changes until someone submits it
# to hstspreload.org, which is a deliberate, separate decision.
SECURE_HSTS_PRELOAD = PRODUCTION
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto and X-Forwarded-For (see README),
# and only then: without one, any client could claim to be on https or at another address.
BEHIND_PROXY = envbool("BEHIND_PROXY", "false")
# How many proxies stand in front, each appending to X-Forwarded-For the address it received
# the request from: the visitor's address is that many entries from the right, and entries
# further left, which the visitor may have written, are never read (axes_hooks.client_ip).
TRUSTED_PROXY_COUNT = 1
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "1")
    if TRUSTED_PROXY_COUNT < 1:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXY_COUNT must be 1 or more with BEHIND_PROXY, got {TRUSTED_PROXY_COUNT}"
        )
# Cookies only over https; SECURE_COOKIES=false lets `make serve` log in over plain http.
SECURE_COOKIES = envbool("SECURE_COOKIES", "true" if PRODUCTION else "false")
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
# No script on the site or in the admin reads the CSRF cookie; the token travels in forms.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

# Admin login: after 5 failures a username is locked for 30 minutes from that address only.
# Locking the username everywhere would let anyone who knows an editor's username lock them out;
# locking the address alone would lock out every editor behind one office or mobile network.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mutuelles_site.axes_hooks.lockout_response"
AXES_CLIENT_IP_CALLABLE = "mutuelles_site.axes_hooks.client_ip"

# Mail (password reset links for editors). Printed on the console during development; sent
# over SMTP in production or as soon as EMAIL_HOST is set. Django's default server would be
# localhost:25 without TLS, and it would wait forever for a server that does not answer.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if PRODUCTION or EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_HOST or "localhost"
    EMAIL_PORT = envint("EMAIL_PORT", "587")
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "true")
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Everything to stderr, where gunicorn and the process manager collect it, in every
# environment (Django's default prints only with DEBUG on and mails ADMINS, which is empty).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
