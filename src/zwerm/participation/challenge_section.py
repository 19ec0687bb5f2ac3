"""On the page of a challenge's assessment process: which challenge it assesses, with a link to the register
(the process is not in the list of processes; the register is where residents find it)."""

from . import selectors


class ChallengeSection:
    key = "participation.challenge"
    template = "participation/_challenge_section.html"

    def context(self, *, process, user) -> dict | None:
        challenge = selectors.challenge_for_process(process=process)
        if challenge is None:
            return None
        return {"challenge": challenge}
