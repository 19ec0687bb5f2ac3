"""Dialogues and their latest results (aggregates only)."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics

from zwerm.dialogues.selectors import dialogue_get, dialogue_list

from ..filters import DialogueFilter
from ..serializers.dialogues import DialogueDetailSerializer, DialogueSerializer
from .base import ID_PARAMETER, PublicView


@extend_schema(tags=["dialogues"], summary="Dialogues")
class DialogueList(PublicView, generics.ListAPIView):
    serializer_class = DialogueSerializer
    filterset_class = DialogueFilter

    def get_queryset(self):
        return dialogue_list(municipality=self.municipality)


@extend_schema(tags=["dialogues"], summary="One dialogue with its latest results", parameters=[ID_PARAMETER])
class DialogueDetail(PublicView, generics.RetrieveAPIView):
    serializer_class = DialogueDetailSerializer

    def get_object(self):
        dialogue = dialogue_get(municipality=self.municipality, pk=self.kwargs["pk"])
        if dialogue is None:
            raise exceptions.NotFound()
        return dialogue
