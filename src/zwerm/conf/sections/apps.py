from ..env import env_bool, env_choice, env_int, env_list, env_str

# A typo ("prodcution") stops start-up instead of quietly running with the demo's defaults.
ENVIRONMENT = env_choice("ZWERM_ENVIRONMENT", "demo", ("demo", "production", "test"))
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("ZWERM_DEBUG", not PRODUCTION)
SECRET_KEY = env_str("ZWERM_SECRET_KEY", "" if PRODUCTION else "zwerm-demo-secret-key-not-for-production")
if PRODUCTION and not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ZWERM_SECRET_KEY must be set when ZWERM_ENVIRONMENT=production.")

ALLOWED_HOSTS = env_list("ZWERM_ALLOWED_HOSTS", [] if PRODUCTION else ["*"])

INSTALLED_APPS = [
    "zwerm.privacy.django_admin.config.PersonalDataAdminConfig",  # the Django admin, behind the purpose step
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_htmx",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_guid",
    "zwerm.core",
    "zwerm.accounts",
    "zwerm.places",
    "zwerm.locations",
    "zwerm.attachments",
    "zwerm.initiatives",
    "zwerm.dialogues",
    "zwerm.sensing",
    "zwerm.budgets",
    "zwerm.values",
    "zwerm.processes",
    "zwerm.council",
    "zwerm.participation",
    "zwerm.privacy",
    "zwerm.api",
    "zwerm.opendata",
    "zwerm.monitoring",
    "zwerm.web",
]

MIDDLEWARE = [
    # A request id for every log line of the request (X-Request-ID, passed on into tasks: zwerm.monitoring).
    "django_guid.middleware.guid_middleware",
    # Health, readiness and metrics answer here, before the host name and HTTPS checks: probes and the
    # metrics scraper call the pod's own address over plain HTTP. Also times every request (Prometheus).
    "zwerm.monitoring.middleware.MonitoringMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "zwerm.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "zwerm.core.middleware.MunicipalityMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zwerm.web.urls"
WSGI_APPLICATION = "zwerm.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "zwerm.web.context_processors.zwerm",
            ],
        },
    }
]

# The municipality used when no host name matches (slug); empty means the first one.
ZWERM_DEFAULT_MUNICIPALITY = env_str("ZWERM_DEFAULT_MUNICIPALITY", "")
# Public pages list this many items per page.
ZWERM_PAGE_SIZE = 12
# Lists count their items up to this many; beyond it they say "meer dan 1.000 gevonden" (an exact count of a
# long list is a scan of the whole table on every page view).
ZWERM_LIST_COUNT_LIMIT = env_int("ZWERM_LIST_COUNT_LIMIT", 1000)
# The API's exact `count` is kept this many seconds in the cache per query (0: counted on every request).
ZWERM_COUNT_CACHE_SECONDS = env_int("ZWERM_COUNT_CACHE_SECONDS", 60)
# Public resident text: also mask person names with deduce (in the background task that publishes the text;
# each worker process loads deduce once, about 10 s; `scripts/setup` and the image build its cache).
ZWERM_MASK_NAMES = env_bool("ZWERM_MASK_NAMES", True)
# Sensing: also mask person names with deduce (Dutch de-identification). Each worker process then loads
# deduce once (about 10 s; build its cache first with `zwerm sensing name-cache`).
ZWERM_SENSING_REDACT_NAMES = env_bool("ZWERM_SENSING_REDACT_NAMES", False)
