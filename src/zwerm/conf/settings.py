"""Zwerm's settings, composed from one module per concern.

Every value is read from the environment with a default that runs the demo on one machine;
docs/operations.md lists them all. ZWERM_ENVIRONMENT=production switches the secure defaults on.
"""

from .sections.api import *  # noqa: F401,F403
from .sections.apps import *  # noqa: F401,F403
from .sections.attachments import *  # noqa: F401,F403
from .sections.auth import *  # noqa: F401,F403
from .sections.database import *  # noqa: F401,F403
from .sections.email import *  # noqa: F401,F403
from .sections.i18n import *  # noqa: F401,F403
from .sections.identity import *  # noqa: F401,F403
from .sections.logging import *  # noqa: F401,F403
from .sections.maps import *  # noqa: F401,F403
from .sections.privacy import *  # noqa: F401,F403
from .sections.security import *  # noqa: F401,F403
from .sections.static import *  # noqa: F401,F403
from .sections.tasks import *  # noqa: F401,F403
from .sections.uploads import *  # noqa: F401,F403
