from django.utils.translation import gettext_lazy as _

from ..env import env_str
from .paths import PACKAGE_DIR

LANGUAGE_CODE = env_str("ZWERM_LANGUAGE", "nl")
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("ZWERM_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True
