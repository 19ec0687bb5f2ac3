"""The participation promise at the top of a process's public page (registered with processes' page sections)."""

from zwerm.accounts.selectors import user_has_second_factor
from zwerm.processes import selectors as processes

from . import selectors


class PromiseSection:
    key = "participation.promise"
    template = "participation/_promise_section.html"

    def context(self, *, process, user) -> dict | None:
        promise = selectors.promise_current(process=process)
        evaluation = selectors.evaluation_current(process=process)
        survey = selectors.resident_survey_get(process=process)
        can_manage = processes.process_can_manage(process=process, user=user) and user_has_second_factor(user=user)
        if promise is None and evaluation is None and survey is None and not can_manage:
            return None
        cited = selectors.weighed_input_by_decision(process=process)
        decisions = list(processes.decision_list(process=process)) if cited or can_manage else []
        return {
            "process": process,
            "promise": promise,
            "evaluation": evaluation,
            "can_evaluate": can_manage and process.status == "closed",
            "can_manage": can_manage,
            "weighed": [(decision, cited[decision.pk]) for decision in decisions if decision.pk in cited],
            "decisions": decisions if can_manage else [],
            "survey": survey,
            "survey_open": selectors.resident_survey_is_open(survey),
            "survey_results": selectors.resident_survey_results(survey=survey) if survey else None,
            "can_open_survey": can_manage and process.status == "closed" and survey is None,
        }
