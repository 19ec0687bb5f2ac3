"""The public register of challenges under the uitdaagrecht."""

from dataclasses import dataclass

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics

from zwerm.participation.selectors import challenge_deadlines, challenge_get, challenge_list

from ..serializers.participation import ChallengeDetailSerializer, ChallengeSerializer
from .base import ID_PARAMETER, PublicView


@dataclass(frozen=True)
class ChallengePage:
    """A challenge with its deadlines against the verordening."""

    challenge: object
    deadlines: list

    def __getattr__(self, name):
        return getattr(self.challenge, name)


# The API mixin narrows `http_method_names` to a list (as in the other views, which mypy's baseline skips).
@extend_schema(tags=["participation"], summary="The register of challenges (uitdaagrecht)")
class ChallengeList(PublicView, generics.ListAPIView):  # type: ignore[misc]
    serializer_class = ChallengeSerializer

    def get_queryset(self):
        return challenge_list(municipality=self.municipality)


@extend_schema(
    tags=["participation"], summary="One challenge with its deadlines and history", parameters=[ID_PARAMETER]
)
class ChallengeDetail(PublicView, generics.RetrieveAPIView):  # type: ignore[misc]
    serializer_class = ChallengeDetailSerializer

    def get_object(self):
        challenge = challenge_get(municipality=self.municipality, pk=self.kwargs["pk"])
        if challenge is None:
            raise exceptions.NotFound()
        return ChallengePage(challenge=challenge, deadlines=challenge_deadlines(challenge))
