"""A demo dialogue for Zwermstad with enough votes to show opinion groups and common ground."""

import random

from django.db import transaction

from zwerm.places.selectors import district_list

from .models import Dialogue, Vote
from .services import dialogue_analyse, dialogue_create, participant_for, statement_submit

STATEMENTS = [
    "Het Marktplein moet autovrij worden.",
    "Er moeten meer parkeerplaatsen bij de winkels komen.",
    "Meer bomen en groen op het plein maakt het gezelliger.",
    "Een speelplek voor kinderen hoort op het plein.",
    "Terrassen mogen langer open blijven in de zomer.",
    "Het plein moet 's avonds beter verlicht worden.",
    "Fietsen moeten op het plein geparkeerd kunnen worden.",
    "De weekmarkt moet blijven zoals hij is.",
    "Er moeten meer bankjes komen om even te zitten.",
    "Evenementen op het plein geven te veel overlast.",
]
# Statements residents added that wait for the moderator (the dialogue moderates before publishing).
PENDING = [
    "Een drinkwaterpunt op het plein, dan hoeft niemand flesjes te kopen.",
    "Laat de kinderen van de basisschool meetekenen aan het plein.",
]


def build_demo_dialogue(*, municipality, author, residents, newcomers: int = 0, pending: bool = False) -> Dialogue:
    """Two camps (car-free versus parking) that share common ground on greenery, benches and light.

    The dialogue is open, also to people without an account. The first `newcomers` residents voted on a
    few statements only, so whoever logs in as one of them finds statements left to vote on. With `pending`,
    two residents' own statements wait for the moderator."""
    dialogue = dialogue_create(
        author=author,
        municipality=municipality,
        title="De toekomst van het Marktplein",
        question="Hoe willen we het Marktplein over vijf jaar gebruiken?",
        context="Het Marktplein wordt opnieuw ingericht. Geef je mening over de stellingen en voeg je eigen "
        "stelling toe.",
        seed_statements=STATEMENTS,
        ask_district=True,
        allow_anonymous=True,
    )
    statements = list(dialogue.statements.order_by("pk"))
    districts = list(district_list(municipality=municipality))
    rng = random.Random(7)  # noqa: S311 - demo data, not security
    common = {2, 5, 8}  # greenery, light, benches: nearly everyone agrees
    with transaction.atomic():
        for i, resident in enumerate(residents):
            participant = participant_for(dialogue=dialogue, user=resident, district=districts[i % len(districts)])
            camp = 1 if i % 2 == 0 else -1
            votes = []
            # a newcomer voted on three to five statements; the rest is still open to them
            cast = statements[: 3 + i % 3] if i < newcomers else statements
            for j, statement in enumerate(cast):
                if j in common:
                    value = 1 if rng.random() < 0.9 else 0
                elif j in (0, 3, 6):
                    value = camp if rng.random() < 0.85 else 0
                elif j in (1, 9):
                    value = -camp if rng.random() < 0.85 else 0
                else:
                    value = rng.choice((1, -1, 0))
                votes.append(Vote(participant=participant, statement=statement, value=value))
            Vote.objects.bulk_create(votes)
    for k, text in enumerate(PENDING if pending else ()):
        writer = participant_for(dialogue=dialogue, user=residents[-1 - k])
        statement_submit(participant=writer, text=text)
    dialogue_analyse(dialogue=dialogue)
    return dialogue
