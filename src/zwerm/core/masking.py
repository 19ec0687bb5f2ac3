"""Masking resident text before it is public: the one masking (`zwerm.core.redaction`), names included.

With names on (`ZWERM_MASK_NAMES`, the default) public text is masked in the background task that
publishes it: deduce's name lists take seconds to load, once per worker process. Until then the public
copy is empty, `masking_pending` is on and every public path shows "wordt gecontroleerd"
(`PENDING_TEXT`). With names off the patterns (cue names included) mask at once, in the request."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from zwerm.core.redaction import RedactionResult, redact

PENDING_TEXT = _("wordt gecontroleerd")


@dataclass(frozen=True)
class PublicCopy:
    texts: tuple[str, ...]  # the public copies, in the order given ("" while pending)
    kinds: list[str]  # what was (or will be) masked, to tell the author at once
    pending: bool  # True: the caller queues the masking task


def mask_public(text: str) -> RedactionResult:
    """`text` as the public may see it (the masking task's work)."""
    return redact(text, names=settings.ZWERM_MASK_NAMES)


def public_copy(*texts: str) -> PublicCopy:
    """The public copies of a contribution's texts when it is written: held back for the masking task when
    names are on, masked right away when they are off."""
    results = [redact(text) for text in texts]
    kinds = sorted({kind for result in results for kind in result.kinds})
    if settings.ZWERM_MASK_NAMES:
        return PublicCopy(texts=tuple("" for _ in texts), kinds=kinds, pending=True)
    return PublicCopy(texts=tuple(result.text for result in results), kinds=kinds, pending=False)
