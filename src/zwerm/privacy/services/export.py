"""The download: everything every registered app holds about one person, as one JSON document."""

from django.utils import timezone

from zwerm.core.personal_data import registry

EXPORT_VERSION = 1
INTRODUCTION = (
    "Dit zijn alle gegevens die Zwerm over u bewaart, per onderdeel. Teksten die u zelf schreef staan "
    "erin zoals u ze schreef; van anderen staan alleen openbare titels erin, nooit hun namen of gegevens."
)


def personal_data_export(*, user) -> dict:
    """One JSON-serialisable document; each registered app contributes its own part under its key."""
    return {
        "zwerm": {
            "versie": EXPORT_VERSION,
            "gemaakt_op": timezone.now().isoformat(),
            "uitleg": INTRODUCTION,
        },
        "onderdelen": {
            provider.key: {"naam": provider.label, "gegevens": provider.export(user)}
            for provider in registry.providers()
        },
    }
