from ..env import env_int

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# E-mail log-in links (django-sesame): valid for this many seconds, usable once.
SESAME_MAX_AGE = env_int("ZWERM_LOGIN_LINK_MAX_AGE", 15 * 60)
SESAME_ONE_TIME = True
SESAME_TOKEN_NAME = "token"

# Brute-force protection on the staff password log-in (django-axes).
AXES_FAILURE_LIMIT = env_int("ZWERM_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("ZWERM_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
# Lock out a combination of address and account, so one attacker cannot lock out everyone.
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_USERNAME_CALLABLE = "zwerm.accounts.lockout.attempted_username"
AXES_WHITELIST_CALLABLE = "zwerm.accounts.lockout.is_login_link_attempt"
# Behind a reverse proxy: how many proxies add X-Forwarded-For (0: use the direct address).
ZWERM_PROXY_COUNT = env_int("ZWERM_PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = ZWERM_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if ZWERM_PROXY_COUNT else ("REMOTE_ADDR",)
RATELIMIT_IP_META_KEY = "zwerm.accounts.lockout.client_address" if ZWERM_PROXY_COUNT else None
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

OTP_TOTP_ISSUER = "Zwerm"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Submissions (initiatives, comments, flags) per resident per hour before a friendly refusal.
ZWERM_SUBMISSIONS_PER_HOUR = env_int("ZWERM_SUBMISSIONS_PER_HOUR", 30)
# Attempts to vote with a budget vote code (stemcode) per IP address per hour.
ZWERM_VOTE_CODE_ATTEMPTS_PER_HOUR = env_int("ZWERM_VOTE_CODE_ATTEMPTS_PER_HOUR", 60)
# Registrations and log-in link requests per address per hour.
ZWERM_LOGIN_LINKS_PER_HOUR = env_int("ZWERM_LOGIN_LINKS_PER_HOUR", 20)
# Log-in links e-mailed to one account per hour, whoever asks (registration with a known address, log-in).
ZWERM_LOGIN_LINKS_PER_RECIPIENT_PER_HOUR = env_int("ZWERM_LOGIN_LINKS_PER_RECIPIENT_PER_HOUR", 5)
# Failed API-token attempts per client address per hour (REST API and meldingen API together), then 429.
ZWERM_API_TOKEN_FAILURES_PER_HOUR = env_int("ZWERM_API_TOKEN_FAILURES_PER_HOUR", 20)
# Reports posted to /signalen/api/meldingen per client address per minute, then 429.
ZWERM_SENSING_REPORTS_PER_MINUTE = env_int("ZWERM_SENSING_REPORTS_PER_MINUTE", 120)
