"""The dialogue as a component that processes can host (registered in DialoguesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Dialogue, Participant
from .selectors import dialogue_participation_cached


class DialogueComponent:
    key = "dialogue"
    label = _("Dialoog")

    def _dialogue(self, placement):
        return Dialogue.objects.get(pk=placement.object_id)

    def summary(self, placement) -> dict:
        figures = dialogue_participation_cached(dialogue=self._dialogue(placement))
        return {
            "participants": figures["participant_count"],
            "votes": figures["votes"],
            "statements": figures["statements"],
        }

    def participant_ids(self, placement) -> list[int]:
        """Participants with an account."""
        return list(
            Participant.objects.filter(dialogue_id=placement.object_id, user__isnull=False).values_list(
                "user_id", flat=True
            )
        )

    def anonymous_districts(self, placement) -> list[int | None]:
        """The wijk each participant without an account gave (None when they gave none)."""
        return list(
            Participant.objects.filter(dialogue_id=placement.object_id, user__isnull=True).values_list(
                "district_id", flat=True
            )
        )

    def url(self, placement) -> str:
        return reverse("dialogues:detail", args=[placement.object_id])

    def belongs_to(self, object_id: int, municipality) -> bool:
        return Dialogue.objects.filter(pk=object_id, municipality=municipality).exists()
