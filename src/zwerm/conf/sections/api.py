"""The REST API v1 (zwerm.api): Django REST framework with drf-spectacular, following the Dutch API Design Rules.

docs/api/README.md describes the API; docs/operations.md lists the variables read here.
"""

from typing import Any

from ..env import env_int, env_str
from .auth import ZWERM_PROXY_COUNT
from .identity import ZWERM_OIDC_STAFF

# The full version of the API, sent as the `API-Version` header on every API response (NL API-57).
# The major version is also in the URL (/api/v1/); change both together with docs/api/openapi.json.
ZWERM_API_VERSION = "1.2.0"

# Where Zwerm's source and its documents (docs/) are published: the API root and the page on how figures
# are calculated link there. The default is the placeholder of publiccode.yml.
ZWERM_SOURCE_URL = env_str("ZWERM_SOURCE_URL", "https://example.org/zwerm").rstrip("/")

# Requests per period before 429: anonymous callers per address, token callers per token.
# DRF's notation: "<number>/<second|minute|hour|day>". Read per request (zwerm.api.throttling).
ZWERM_API_ANONYMOUS_RATE = env_str("ZWERM_API_ANONYMOUS_RATE", "120/minute")
ZWERM_API_TOKEN_RATE = env_str("ZWERM_API_TOKEN_RATE", "600/minute")
# Items per page unless the caller asks for another `pageSize` (at most 100, fixed in zwerm.api.pagination).
ZWERM_API_PAGE_SIZE = env_int("ZWERM_API_PAGE_SIZE", 20)

REST_FRAMEWORK: dict[str, Any] = {
    # A plain list: the OIDC plug-in appends its bearer class (zwerm.accounts) after ours.
    "DEFAULT_AUTHENTICATION_CLASSES": ["zwerm.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["zwerm.api.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "zwerm.api.pagination.PagePagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "zwerm.api.throttling.AnonymousRateThrottle",
        "zwerm.api.throttling.TokenRateThrottle",
    ],
    "EXCEPTION_HANDLER": "zwerm.api.problems.exception_handler",
    # The client's address for the anonymous rate: as trusted as axes and the other rate limits.
    "NUM_PROXIES": ZWERM_PROXY_COUNT,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "UNAUTHENTICATED_TOKEN": None,
    "COERCE_DECIMAL_TO_STRING": True,
    "DATETIME_FORMAT": "iso-8601",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Zwerm API",
    "DESCRIPTION": (
        "Public, read-only access to the published content and aggregated figures of one municipality "
        "(the host name chooses the municipality), and token access for the municipality's own systems. "
        "Errors are application/problem+json (RFC 9457); every response carries an API-Version header. "
        "Figures about fewer than 5 people are never published: they come as value null with a display text."
    ),
    "VERSION": ZWERM_API_VERSION,
    "CONTACT": {"name": "Zwerm", "url": "https://example.org/zwerm"},  # as in publiccode.yml (a placeholder)
    "LICENSE": {"name": "EUPL-1.2", "url": "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"},
    "SERVERS": [{"url": "/api/v1", "description": "The municipality's own host name."}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        "InitiativeStatusEnum": "zwerm.api.choices.INITIATIVE_STATUSES",
        "InitiativePublicStatusEnum": "zwerm.api.choices.INITIATIVE_PUBLIC_STATUSES",
        "ProcessStatusEnum": "zwerm.api.choices.PROCESS_PUBLIC_STATUSES",
        "BudgetStatusEnum": "zwerm.api.choices.BUDGET_STATUSES",
        "BudgetRuleEnum": "zwerm.api.choices.BUDGET_RULES",
        "ChallengeStateEnum": "zwerm.api.choices.CHALLENGE_STATES",
        "ChallengeDeadlineStateEnum": "zwerm.api.choices.DEADLINE_STATES",
        "GeoJSONPointTypeEnum": "zwerm.api.choices.GEOJSON_POINT_TYPES",
    },
    "SORT_OPERATIONS": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "zwerm.api.schema.add_problems_and_version_header",
    ],
}

# The OIDC plug-in (accounts.oidc, ADR 0014): staff systems may also use an access token of the staff
# identity provider, when ZWERM_OIDC_STAFF_ENABLED and ZWERM_OIDC_STAFF_API are on.
if ZWERM_OIDC_STAFF and ZWERM_OIDC_STAFF.get("api"):
    REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"].append("zwerm.accounts.oidc.drf.StaffBearerAuthentication")
