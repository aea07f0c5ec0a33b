"""SIKAP settings: every value comes from a `SIKAP_` environment variable (docs/configuration.md).

The defaults run the embedded demo: SQLite in `var/`, debug on, a development secret key.
Production mode (`SIKAP_DEBUG=false`) refuses to start with the default secret key.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

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


def envfloat(name: str, default: str) -> float:
    value = os.environ.get(name, default)
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envsizes(name: str, default: str) -> dict[str, int]:
    """`/masuk/=64K,/verifikasi/=51M` → {path prefix: bytes}."""
    sizes = {}
    for item in envlist(name, default):
        prefix, _, size = item.partition("=")
        unit = {"K": 1024, "M": 1024 * 1024}.get(size[-1:].upper(), 1)
        digits = size[:-1] if unit > 1 else size
        if not prefix.startswith("/") or not digits.isdigit():
            raise ImproperlyConfigured(f"{name}: {item!r} is not /path/=SIZE (e.g. /masuk/=64K)")
        sizes[prefix.strip()] = int(digits) * unit
    return sizes


DEBUG = envbool("SIKAP_DEBUG", "true")
SECRET_KEY = os.environ.get("SIKAP_SECRET_KEY", _DEV_SECRET)
if not DEBUG and (SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    # Django's own deploy check asks the same: 50 characters, more than a few distinct ones.
    raise ImproperlyConfigured(
        "SIKAP_SECRET_KEY must be set to a random value of at least 50 characters when "
        "SIKAP_DEBUG is false (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
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
    # The optional second factor for admin roles (accounts/second_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    "sikap.salary",
    "sikap.attendance",
    "sikap.dukcapil",
    "sikap.pension",
    "sikap.promotion",
    "sikap.competency",
    "sikap.demo",
]

MIDDLEWARE = [
    # First of all: a body over its cap is refused before anything reads it (413).
    "sikap.core.request_limits.RequestSizeMiddleware",
    "sikap.core.audit.SourceMiddleware",
    # Answers asked for several times by one page (unit trees) are computed once per request.
    "sikap.core.request_memo.RequestMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sikap.core.headers.SecurityHeadersMiddleware",
    "sikap.api.middleware.JsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    # A forced password change or a pending second factor comes before any other page.
    "sikap.accounts.gate.AccountGateMiddleware",
    # Every view needs a log-in unless marked `login_not_required` (log-in, public verification).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # With DEBUG on, SIKAP's own 404/500 pages for everyone but a superuser (core/error_pages.py).
    "sikap.core.error_pages.ErrorPagesMiddleware",
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
                "sikap.core.context_processors.kotak_masuk",
                "sikap.selfservice.context_processors.selfservice",
                "sikap.accounts.context_processors.akses",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'sikap.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("SIKAP_DATABASE_URL", _default_db))}
# Persistent connections (docs/deployment.md): a process keeps its connection this many seconds
# instead of opening one per request (on PostgreSQL a new server process, ≈ 4 ms and a fork),
# and checks it before reusing it after a restart of the database. 0: one per request (the
# default in development: runserver's thread per request would never reuse one).
DATABASES["default"]["CONN_MAX_AGE"] = envint("SIKAP_DB_CONN_MAX_AGE", "0" if DEBUG else "60")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
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
# The password policy (docs/security.md); Django's messages come in Indonesian.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": envint("SIKAP_PASSWORD_MIN_LENGTH", "10")},
    },
    {"NAME": "sikap.accounts.passwords.IdentityValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A one-time code from the admin OPD, and a reset link sent by e-mail, stay valid this long.
SIKAP_ONE_TIME_CODE_HOURS = envint("SIKAP_ONE_TIME_CODE_HOURS", "72")
PASSWORD_RESET_TIMEOUT = envint("SIKAP_PASSWORD_RESET_HOURS", "24") * 3600
SIKAP_PASSWORD_RESET_MAILS_PER_HOUR = envint("SIKAP_PASSWORD_RESET_MAILS_PER_HOUR", "3")
# Admin BKD and admin OPD must enrol a TOTP app (second factor) before anything else.
SIKAP_TOTP_REQUIRED = envbool("SIKAP_TOTP_REQUIRED", "false")
OTP_TOTP_ISSUER = os.environ.get("SIKAP_TOTP_ISSUER", "SIKAP")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "people:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Throttle repeated failed log-ins per user name and address (django-axes).
AXES_FAILURE_LIMIT = envint("SIKAP_LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("SIKAP_LOGIN_COOLOFF_MINUTES", "15") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password spraying (one guess across many NIPs): an address with this many failures across all
# user names within the cool-off is refused too. An office behind one NAT address shares it.
SIKAP_LOGIN_ADDRESS_FAILURE_LIMIT = envint("SIKAP_LOGIN_ADDRESS_FAILURE_LIMIT", "30")
AXES_HANDLER = "sikap.accounts.throttle.Handler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_ENABLED = envbool("SIKAP_LOGIN_THROTTLE", "true")
# A locked-out log-in: the page on the web, the API's JSON error shape under /api/.
AXES_LOCKOUT_CALLABLE = "sikap.api.errors.lockout_response"

# Phone API: how long a device token lives, and how many requests one token may make.
SIKAP_API_TOKEN_DAYS = envint("SIKAP_API_TOKEN_DAYS", "90")
SIKAP_API_RATE = os.environ.get("SIKAP_API_RATE", "120/m")
# How many check-in contexts (a pegawai's day: working time, places, absence, devices) each
# process remembers; a change of configuration takes effect at once (attendance/konteks.py).
SIKAP_PRESENSI_KONTEKS_MAKS = envint("SIKAP_PRESENSI_KONTEKS_MAKS", "20000")
# Anti-fraud report: a move between two consecutive attempts faster than this (km/h) is a lead.
SIKAP_PRESENSI_KECEPATAN_MAKS_KMJ = envint("SIKAP_PRESENSI_KECEPATAN_MAKS_KMJ", "250")
# The monitoring map (/presensi/pantau/, Leaflet): a tile URL template ({z}/{x}/{y}, {s} for
# subdomains) and the attribution its provider requires. Empty: no tiles, so no position leaves
# for a third party; the offices' circles and the check-ins show on a plain background.
SIKAP_PETA_TILE_URL = os.environ.get("SIKAP_PETA_TILE_URL", "").strip()
SIKAP_PETA_TILE_ATRIBUSI = os.environ.get("SIKAP_PETA_TILE_ATRIBUSI", "").strip()


def _tile_origin(url: str) -> str:
    """The origin the CSP lets images come from: 'https://{s}.tile.example.org/{z}/{x}/{y}.png'
    → 'https://*.tile.example.org'; '' for no tiles."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or any(c in parts.netloc for c in " ;,'\""):
        raise ImproperlyConfigured(
            "SIKAP_PETA_TILE_URL harus URL https, mis. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        )
    return f"https://{parts.netloc.replace('{s}', '*')}"


# Least privilege (UU 27/2022): pimpinan and perencana read aggregates; only where the agency
# decides otherwise do they open personal documents and DRH PDFs (every read is logged).
SIKAP_READERS_SEE_PERSONAL_FILES = envbool("SIKAP_READERS_SEE_PERSONAL_FILES", "false")

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
# What one import may cost (core/tabular.py): rows, cells, problems collected before reading
# stops, and an XLSX's inflated size (all entries / the shared strings openpyxl keeps in memory).
SIKAP_IMPORT_MAX_ROWS = envint("SIKAP_IMPORT_MAX_ROWS", "200000")
SIKAP_IMPORT_MAX_CELLS = envint("SIKAP_IMPORT_MAX_CELLS", "15000000")
SIKAP_IMPORT_MAX_ERRORS = envint("SIKAP_IMPORT_MAX_ERRORS", "1000")
SIKAP_IMPORT_MAX_UNCOMPRESSED_BYTES = envint("SIKAP_IMPORT_MAX_UNCOMPRESSED_MB", "600") * 2**20
SIKAP_IMPORT_MAX_SHARED_STRINGS_BYTES = envint("SIKAP_IMPORT_MAX_SHARED_STRINGS_MB", "80") * 2**20
# Uploads (core/upload_limits.py): files per user per minute, and the quota of one pegawai's
# digital file (every stored version counts).
SIKAP_UPLOAD_RATE_PER_MINUTE = envint("SIKAP_UPLOAD_RATE_PER_MINUTE", "10")
SIKAP_UPLOAD_QUOTA_FILES = envint("SIKAP_UPLOAD_QUOTA_FILES", "300")
SIKAP_UPLOAD_QUOTA_BYTES = envint("SIKAP_UPLOAD_QUOTA_MB", "200") * 1024 * 1024
# The signed Perjanjian Kinerja scan attached to the LKj (a multi-page scan is larger than a
# personal document).
SIKAP_LKJ_PINDAIAN_PK_MAKS_KB = envint("SIKAP_LKJ_PINDAIAN_PK_MAKS_KB", "10240")
# Request bodies (core/request_limits.py): a cap for every path, tighter ones per path prefix
# (the longest matching prefix wins). Match nginx's client_max_body_size to the global cap.
_IMPORT_MB = SIKAP_IMPORT_MAX_BYTES // 2**20
SIKAP_REQUEST_MAX_BYTES = envint("SIKAP_REQUEST_MAX_MB", str(max(52, _IMPORT_MB + 2))) * 2**20
SIKAP_REQUEST_PATH_LIMITS = envsizes(
    "SIKAP_REQUEST_PATH_LIMITS", "/masuk/=64K,/keluar/=64K,/verifikasi/=51M"
)
if SIKAP_REQUEST_MAX_BYTES <= SIKAP_IMPORT_MAX_BYTES:
    raise ImproperlyConfigured(
        "SIKAP_REQUEST_MAX_MB must be larger than SIKAP_IMPORT_MAX_MB (room for the form)."
    )

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

# Sessions last SIKAP_SESSION_HOURS from log-in, SIKAP_SESSION_ADMIN_HOURS for the roles that
# manage accounts and master data, and end when the browser closes (sikap/accounts/sessions.py).
SESSION_ENGINE = "sikap.accounts.sessions"
SESSION_COOKIE_AGE = envint("SIKAP_SESSION_HOURS", "8") * 3600
SIKAP_SESSION_ADMIN_AGE = envint("SIKAP_SESSION_ADMIN_HOURS", "2") * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = envbool("SIKAP_SESSION_EXPIRE_AT_BROWSER_CLOSE", "true")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

# Headers (sikap/core/headers.py, docs/security.md). Scripts only from our own static files;
# styles keep 'unsafe-inline' because htmx injects its indicator style, Chart.js and Bootstrap set
# element styles, and Django's admin templates carry style attributes.
# Images also from the map's tile host, when one is configured.
_IMG_SRC = " ".join(filter(None, ["'self' data: blob:", _tile_origin(SIKAP_PETA_TILE_URL)]))
SIKAP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    f"img-src {_IMG_SRC}; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Production runs behind TLS: redirect plain HTTP and tell browsers to stay on HTTPS. Behind a
# proxy the scheme comes from X-Forwarded-Proto (gunicorn trusts it from forwarded_allow_ips).
SECURE_SSL_REDIRECT = envbool("SIKAP_SSL_REDIRECT", "false" if DEBUG else "true")
SECURE_HSTS_SECONDS = envint("SIKAP_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SIKAP_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SIKAP_HSTS_PRELOAD", "false")
# Preloading and subdomains commit every host of the agency's domain to HTTPS for good: the
# operator decides (docs/deployment.md), so the deploy check does not nag about them.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

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
    # Long enough for a province-scale import (100,000 rows: 3 to 7 minutes on two cores).
    "timeout": envint("SIKAP_JOBS_TIMEOUT_SECONDS", "1800"),
    "retry": envint("SIKAP_JOBS_RETRY_SECONDS", "1900"),
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
# Long operations (imports, exports) and their result files are kept this many days.
SIKAP_PROSES_SIMPAN_HARI = envint("SIKAP_PROSES_SIMPAN_HARI", "30")
# An XLSX export of more rows than this runs as a job with a progress page (core/exports.py).
SIKAP_EKSPOR_LANGSUNG_MAKS = envint("SIKAP_EKSPOR_LANGSUNG_MAKS", "5000")
# Several app servers share one cache (the API's per-token rate counts): Redis with
# SIKAP_CACHE_REDIS_URL (pip install redis); one machine keeps each process's memory cache.
if os.environ.get("SIKAP_CACHE_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["SIKAP_CACHE_REDIS_URL"],
        }
    }
# Read notifications older than this are removed by the daily housekeeping job.
SIKAP_NOTIFIKASI_SIMPAN_HARI = envint("SIKAP_NOTIFIKASI_SIMPAN_HARI", "90")

# Name of the regency and its agency, printed on reports and the log-in page.
SIKAP_INSTANSI = os.environ.get("SIKAP_INSTANSI", "Pemerintah Kabupaten Lumajang")
SIKAP_NAMA_BKD = os.environ.get("SIKAP_NAMA_BKD", "Badan Kepegawaian Daerah")

# e-Berkala (docs/salary.md, docs/rules.md): how far ahead KGB letters are drafted, the
# minimum SKP predikat, what is paid below a ruang's first listed MKG (langkah_pertama|tolak),
# which hukuman disiplin levels defer a KGB, and the MKG cuts of a KP crossing golongan groups.
SIKAP_KGB_WINDOW_MONTHS = envint("SIKAP_KGB_WINDOW_MONTHS", "3")
SIKAP_KGB_SKP_MINIMUM = os.environ.get("SIKAP_KGB_SKP_MINIMUM", "baik")
SIKAP_KGB_DI_BAWAH_MKG_PERTAMA = os.environ.get("SIKAP_KGB_DI_BAWAH_MKG_PERTAMA", "langkah_pertama")
SIKAP_KGB_HUKDIS_MENUNDA = envlist("SIKAP_KGB_HUKDIS_MENUNDA", "sedang,berat")
# The least share (percent) of the kinerja population with an SKP for a year to stand as the
# latest IP ASN on home cards and as the default year (sikap/ipasn/years.py).
SIKAP_IPASN_CAKUPAN_SKP = envint("SIKAP_IPASN_CAKUPAN_SKP", "90")
SIKAP_KGB_POTONGAN_KP = os.environ.get("SIKAP_KGB_POTONGAN_KP", "1-2:6,2-3:5")
# Pension (docs/pension.md): the projection list's window, how long before the TMT the daily
# job opens a BUP file, and how many years the yearly projection covers.
SIKAP_PENSIUN_PROYEKSI_BULAN = envint("SIKAP_PENSIUN_PROYEKSI_BULAN", "15")
SIKAP_PENSIUN_BUKA_BULAN = envint("SIKAP_PENSIUN_BUKA_BULAN", "12")
SIKAP_PENSIUN_PROYEKSI_TAHUN = envint("SIKAP_PENSIUN_PROYEKSI_TAHUN", "5")

# The population registry (docs/dukcapil.md). No URL: every lookup says "not configured" and
# the pension file goes on with a manual check; `make run` points it at the local stand-in.
SIKAP_DUKCAPIL_URL = os.environ.get("SIKAP_DUKCAPIL_URL", "").rstrip("/")
SIKAP_DUKCAPIL_USER = os.environ.get("SIKAP_DUKCAPIL_USER", "")
SIKAP_DUKCAPIL_PASSWORD = os.environ.get("SIKAP_DUKCAPIL_PASSWORD", "")
SIKAP_DUKCAPIL_IP = os.environ.get("SIKAP_DUKCAPIL_IP", "")
SIKAP_DUKCAPIL_MAPPING = os.environ.get("SIKAP_DUKCAPIL_MAPPING", "")
SIKAP_DUKCAPIL_TIMEOUT_SECONDS = envfloat("SIKAP_DUKCAPIL_TIMEOUT_SECONDS", "5")
SIKAP_DUKCAPIL_RETRIES = envint("SIKAP_DUKCAPIL_RETRIES", "2")
SIKAP_DUKCAPIL_BACKOFF_SECONDS = envfloat("SIKAP_DUKCAPIL_BACKOFF_SECONDS", "0.5")
SIKAP_DUKCAPIL_BREAKER_FAILURES = envint("SIKAP_DUKCAPIL_BREAKER_FAILURES", "5")
SIKAP_DUKCAPIL_BREAKER_SECONDS = envfloat("SIKAP_DUKCAPIL_BREAKER_SECONDS", "60")
SIKAP_DUKCAPIL_CACHE_SECONDS = envint("SIKAP_DUKCAPIL_CACHE_SECONDS", "3600")
SIKAP_DUKCAPIL_PER_MINUTE = envint("SIKAP_DUKCAPIL_PER_MINUTE", "60")
if SIKAP_DUKCAPIL_URL and not SIKAP_DUKCAPIL_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        f"SIKAP_DUKCAPIL_URL must start with https:// (or http:// on 127.0.0.1), "
        f"not {SIKAP_DUKCAPIL_URL!r}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SIKAP_LOG_LEVEL", "WARNING")},
    # The worker says which job it ran (`sikap worker`).
    # One line per registry lookup, without personal data (docs/dukcapil.md).
    "loggers": {
        "django-q": {"level": os.environ.get("SIKAP_JOBS_LOG_LEVEL", "INFO")},
        "sikap.dukcapil": {"level": os.environ.get("SIKAP_DUKCAPIL_LOG_LEVEL", "INFO")},
    },
}
