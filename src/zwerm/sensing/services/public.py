"""The public picture (/signalen/, the council dashboard's wijken, the API): computed in the background, never
while a visitor waits, and dropped at once when a text may no longer count."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django_tasks import task

from zwerm.core.models import Municipality
from zwerm.core.tasks import enqueue_on_commit

from ..selectors import PUBLIC_PICTURE_SECONDS, public_overview, public_picture_key

QUEUED_SECONDS = 600  # a lost task stops blocking new ones after this


def _queued_key(municipality_id: int) -> str:
    return f"zwerm:sensing:picture-queued:{municipality_id}"


def public_picture_store(*, municipality: Municipality) -> None:
    """Compute the public picture in every interface language and keep it for the public pages."""
    cache.delete(_queued_key(municipality.pk))  # texts that arrive from now on queue the next computation
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            cache.set(
                public_picture_key(municipality.pk, code),
                public_overview(municipality=municipality),
                PUBLIC_PICTURE_SECONDS,
            )


@task()
def public_picture_refresh(municipality_id: int) -> None:
    """Background: the public picture anew (queued by `public_picture_later`)."""
    public_picture_store(municipality=Municipality.objects.get(pk=municipality_id))


def public_picture_drop(*, municipality_id: int) -> None:
    """Forget the stored picture now (in every language): the next visitor's is computed from the texts."""
    cache.delete_many([public_picture_key(municipality_id, code) for code, _name in settings.LANGUAGES])


def public_picture_later(*, municipality_id: int, removed: bool = False) -> None:
    """After the caller's transaction commits: compute the picture anew in the background, coalesced (one
    computation queued at a time picks up every text until it runs). `removed`: a text that the stored picture
    counts may no longer count (hidden, rejected, erased): the stored picture is dropped at the commit, so no
    visitor sees it any more, not even until the background work has run."""
    if removed:
        transaction.on_commit(lambda: public_picture_drop(municipality_id=municipality_id))
    if cache.add(_queued_key(municipality_id), 1, QUEUED_SECONDS):
        enqueue_on_commit(public_picture_refresh, municipality_id=municipality_id)
