"""The values the API publishes for the apps' choice fields. Part of the API contract: a new value in an
app is a decision for the API too (tests/api/test_contract.py compares these with the models)."""

INITIATIVE_KINDS = ("initiative", "idea", "concern")
INITIATIVE_STATUSES = ("submitted", "published", "in_progress", "realised", "not_realised", "withdrawn")
INITIATIVE_PUBLIC_STATUSES = tuple(s for s in INITIATIVE_STATUSES if s != "submitted")
PROCESS_PUBLIC_STATUSES = ("active", "closed")
PHASE_CHANGE_ACTIONS = ("add", "change", "reorder", "close")
DECIDED_BY = ("process_lead", "executive", "council")
FRAME_KINDS = ("budget", "legal", "policy", "scope", "deadline")
FRAME_SET_BY = ("council", "executive")
BUDGET_STATUSES = ("proposals", "review", "voting", "counting", "result")
BUDGET_RULES = ("greedy", "mes")
BALLOT_TYPES = ("approval", "cumulative")
PROJECT_FEASIBILITY = ("pending", "feasible", "infeasible")
SENSING_ALERT_KINDS = ("emerging", "spike", "decline")
VOTE_DIRECTIONS = ("agree", "disagree")
CHALLENGE_STATES = ("submitted", "received", "incomplete", "assessment", "granted", "refused")
CHALLENGE_STEPS = ("submitted", "received", "incomplete", "complete", "conversation", "decided", "council", "agreement")
CHALLENGER_KINDS = ("group", "organisation")
DEADLINE_STATES = ("met", "late", "missed", "open")
GEOJSON_POINT_TYPES = [("Point", "Point")]
