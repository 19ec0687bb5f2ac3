"""An initiative as a component that a process can host (registered in InitiativesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Initiative, Participation, Support


class InitiativeComponent:
    key = "initiative"
    label = _("Initiatief")

    def summary(self, placement) -> dict:
        initiative = Initiative.objects.filter(pk=placement.object_id).first()
        if initiative is None:
            return {"participants": 0}
        return {
            "participants": initiative.support_count + initiative.participants.count(),
            "supports": initiative.support_count,
            "comments": initiative.comment_count,
            "status": initiative.status,
        }

    def participant_ids(self, placement) -> set[int]:
        """Who supported or joined the initiative."""
        supporters = Support.objects.filter(initiative_id=placement.object_id).values_list("resident_id", flat=True)
        joined = Participation.objects.filter(initiative_id=placement.object_id).values_list("resident_id", flat=True)
        return set(supporters) | set(joined)

    def url(self, placement) -> str:
        return reverse("initiatives:detail", args=[placement.object_id])

    def belongs_to(self, object_id: int, municipality) -> bool:
        # Only what residents can see may be hosted: a published initiative of this municipality.
        return Initiative.objects.filter(
            pk=object_id, municipality=municipality, published_at__isnull=False, hidden_reason=""
        ).exists()

    def district_ids(self, object_ids: list[int]) -> dict[int, set[int]]:
        """The wijk of each initiative's buurt."""
        rows = Initiative.objects.filter(pk__in=object_ids).values_list("pk", "neighbourhood__district_id")
        return {pk: {district_id} for pk, district_id in rows if district_id is not None}
