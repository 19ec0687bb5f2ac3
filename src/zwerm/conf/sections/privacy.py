from django.core.exceptions import ImproperlyConfigured

from ..env import env_int, env_str

# What a resident's contributions outside any process become when they delete their account, for a
# municipality that has not chosen itself (privacy settings page): anonymise | remove.
ZWERM_PRIVACY_CONTRIBUTIONS_ON_ERASE = env_str("ZWERM_PRIVACY_CONTRIBUTIONS_ON_ERASE", "anonymise")
# How long personal data stays visible to a staff member after they gave a purpose for it.
ZWERM_PRIVACY_REVEAL_MINUTES = env_int("ZWERM_PRIVACY_REVEAL_MINUTES", 15)
# The municipality's register of processing activities (verwerkingsregister): the processing log's
# dpl.core.processing_activity_id is this address + "#" + the activity (moderation, contact, request, ...).
ZWERM_PROCESSING_REGISTER_URL = env_str("ZWERM_PROCESSING_REGISTER_URL", "https://example.nl/verwerkingsregister/zwerm")
# The small-number rule (zwerm.core.disclosure): no public figure is about fewer people than this. A
# municipality may raise it; below 5 start-up stops, because the promise in docs/privacy.md is "never below 5".
ZWERM_DISCLOSURE_THRESHOLD = env_int("ZWERM_DISCLOSURE_THRESHOLD", 5)
if ZWERM_DISCLOSURE_THRESHOLD < 5:
    raise ImproperlyConfigured(
        f"ZWERM_DISCLOSURE_THRESHOLD={ZWERM_DISCLOSURE_THRESHOLD} is below 5: no public figure may be about fewer "
        "than 5 people (docs/privacy.md). Use 5 or more, or leave it unset."
    )
