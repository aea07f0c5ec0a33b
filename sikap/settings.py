"""SIKAP settings: every value comes from a `SIKAP_` environment variable (docs/configuration.md).

The defaults run the embedded demo: SQLite in `var/`, debug on, a development secret key.
Production mode (`SIKAP_DEBUG=false`) refuses to start with the default secret key.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("SIKAP_VAR_DIR", PROJECT_DIR / "var"))

_DEV_SECRET = "sikap-development-only-secret-key-do-not-use-in-production"


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("SIKAP_DEBUG", "true")
SECRET_KEY = os.environ.get("SIKAP_SECRET_KEY", _DEV_SECRET)
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured(
        "SIKAP_SECRET_KEY must be set to a long random value when SIKAP_DEBUG is false."
    )
ALLOWED_HOSTS = envlist("SIKAP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("SIKAP_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    # django-ninja as an app so the API docs page serves Swagger UI from our static files.
    "ninja",
    "django_q",
    "sikap.core",
    "sikap.accounts",
    "sikap.org",
    "sikap.people",
    "sikap.reports",
    "sikap.documents",
    "sikap.selfservice",
    "sikap.ipasn",
    "sikap.performance",
    "sikap.lkj",
    "sikap.attendance",
    "sikap.demo",
]

MIDDLEWARE = [
    "sikap.core.audit.SourceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sikap.api.middleware.JsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    # Every view needs a log-in unless marked `login_not_required` (log-in, public verification).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "sikap.urls"
WSGI_APPLICATION = "sikap.wsgi.application"

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
                "sikap.core.context_processors.sikap",
                "sikap.selfservice.context_processors.selfservice",
                "sikap.accounts.context_processors.akses",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'sikap.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("SIKAP_DATABASE_URL", _default_db))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the one writer work at the same time; IMMEDIATE avoids the
    # "database is locked" upgrade deadlock when two requests write at once. A 64 MB page cache
    # keeps index aggregates over the history tables (IP ASN) in memory.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "sikap.accounts.system.Backend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "people:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Throttle repeated failed log-ins per user name and address (django-axes).
AXES_FAILURE_LIMIT = envint("SIKAP_LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("SIKAP_LOGIN_COOLOFF_MINUTES", "15") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_ENABLED = envbool("SIKAP_LOGIN_THROTTLE", "true")
# A locked-out log-in: the page on the web, the API's JSON error shape under /api/.
AXES_LOCKOUT_CALLABLE = "sikap.api.errors.lockout_response"

# Phone API: how long a device token lives, and how many requests one token may make.
SIKAP_API_TOKEN_DAYS = envint("SIKAP_API_TOKEN_DAYS", "90")
SIKAP_API_RATE = os.environ.get("SIKAP_API_RATE", "120/m")
# How long a check-in reuses the attendance configuration (schedules, holidays, office
# locations) before reading it again: a change at /kelola/ reaches check-ins within this time.
SIKAP_PRESENSI_CONFIG_TTL = envint("SIKAP_PRESENSI_CONFIG_TTL", "60")

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("SIKAP_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# In debug, serve straight from the app folders so `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("SIKAP_MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
SIKAP_IMPORT_MAX_BYTES = envint("SIKAP_IMPORT_MAX_MB", "50") * 1024 * 1024

# Uploaded and issued documents: the local MEDIA_ROOT (never served; downloads go through
# permission-checked views) or S3-compatible object storage with SIKAP_STORAGE=s3.
SIKAP_STORAGE = os.environ.get("SIKAP_STORAGE", "local")
if SIKAP_STORAGE == "local":
    _files = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif SIKAP_STORAGE == "s3":
    if not os.environ.get("SIKAP_S3_BUCKET"):
        raise ImproperlyConfigured("SIKAP_STORAGE=s3 needs SIKAP_S3_BUCKET.")
    _files = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["SIKAP_S3_BUCKET"],
            "endpoint_url": os.environ.get("SIKAP_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("SIKAP_S3_REGION") or None,
            "access_key": os.environ.get("SIKAP_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("SIKAP_S3_SECRET_KEY") or None,
            "location": os.environ.get("SIKAP_S3_PREFIX", "sikap"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    raise ImproperlyConfigured(f"SIKAP_STORAGE must be local or s3, not {SIKAP_STORAGE!r}")
STORAGES = {
    "default": _files,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The address printed in QR codes of issued letters, for the public verification page.
SIKAP_PUBLIC_URL = os.environ.get("SIKAP_PUBLIC_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get(
    "SIKAP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# Background jobs and schedules (django-q2, docs/jobs.md). The queue is the database by default,
# so the demo needs no extra server; SIKAP_JOBS_REDIS_URL moves it to Redis (pip install redis).
# A failed job is retried after SIKAP_JOBS_RETRY_SECONDS, at most SIKAP_JOBS_MAX_ATTEMPTS times,
# and stays in the failure list at /kelola/. SIKAP_JOBS_SYNC runs jobs in the caller (tests).
SIKAP_JOBS_SYNC = envbool("SIKAP_JOBS_SYNC", "false")
Q_CLUSTER = {
    "name": "sikap",
    "workers": envint("SIKAP_JOBS_WORKERS", "2"),
    "timeout": envint("SIKAP_JOBS_TIMEOUT_SECONDS", "300"),
    "retry": envint("SIKAP_JOBS_RETRY_SECONDS", "360"),
    "max_attempts": envint("SIKAP_JOBS_MAX_ATTEMPTS", "3"),
    "ack_failures": False,
    "save_limit": envint("SIKAP_JOBS_KEEP_RESULTS", "1000"),
    "catch_up": False,
    "poll": 1,
    "label": "Pekerjaan latar",
}
if os.environ.get("SIKAP_JOBS_REDIS_URL"):
    Q_CLUSTER["redis"] = os.environ["SIKAP_JOBS_REDIS_URL"]
else:
    Q_CLUSTER["orm"] = "default"
if Q_CLUSTER["retry"] <= Q_CLUSTER["timeout"]:
    raise ImproperlyConfigured(
        "SIKAP_JOBS_RETRY_SECONDS must be longer than SIKAP_JOBS_TIMEOUT_SECONDS, or a job still "
        "running would be started a second time."
    )
# Read notifications older than this are removed by the daily housekeeping job.
SIKAP_NOTIFIKASI_SIMPAN_HARI = envint("SIKAP_NOTIFIKASI_SIMPAN_HARI", "90")

# Name of the regency and its agency, printed on reports and the log-in page.
SIKAP_INSTANSI = os.environ.get("SIKAP_INSTANSI", "Pemerintah Kabupaten Lumajang")
SIKAP_NAMA_BKD = os.environ.get("SIKAP_NAMA_BKD", "Badan Kepegawaian Daerah")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SIKAP_LOG_LEVEL", "WARNING")},
    # The worker says which job it ran (`sikap worker`).
    "loggers": {"django-q": {"level": os.environ.get("SIKAP_JOBS_LOG_LEVEL", "INFO")}},
}
