"""Who may read and who may write each URL: one rule per URL name (plus a few variants on other rows).

Outcome classes (see `outcome()` in test_url_matrix.py):
  ALLOWED    the view ran for this actor: 2xx, a redirect to an ordinary page, or a 4xx that refuses the
             input itself (400/409/413/415/422), which only comes after the role checks
  LOGIN      a redirect to a log-in page, or 401
  PROFILE    logged in but not a resident here: sent to the profile page to choose a buurt first
  FORBIDDEN  403
  NOT_FOUND  404
A rule with get=None (post=None) is for a URL that only takes POST (GET): the other method must never
run the view for anyone (405 or a refusal). `changes` lists the actors whose POST may change rows; for
every other actor the test asserts that the row counts and the addressed rows stay exactly the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .world import ACTORS

ALLOWED, LOGIN, PROFILE, FORBIDDEN, NOT_FOUND, METHOD = (
    "allowed",
    "login",
    "profile",
    "forbidden",
    "not found",
    "method not allowed",
)
DENIALS = {LOGIN, PROFILE, FORBIDDEN, NOT_FOUND, METHOD}


def everyone(**overrides) -> dict:
    return {**dict.fromkeys(ACTORS, ALLOWED), **overrides}


def logged_in(**overrides) -> dict:
    return everyone(anonymous=LOGIN, **overrides)


def residents(**overrides) -> dict:
    """`resident_required`: members of this municipality (a staff role makes one a member too); anyone
    else logged in is sent to the profile page to join first."""
    return {
        **dict.fromkeys(ACTORS, ALLOWED),
        "anonymous": LOGIN,
        "foreign_resident": PROFILE,
        "foreign_admin": PROFILE,
        **overrides,
    }


def staff(*roles, **overrides) -> dict:
    """`role_required(*roles)`: an admin holds every staff role; the other municipality's admin none here."""
    allowed = {*roles, "admin"}
    return {**{a: ALLOWED if a in allowed else FORBIDDEN for a in ACTORS}, "anonymous": LOGIN, **overrides}


ALL_STAFF = ("moderator", "process_lead", "specialist", "council_member")
NOT_AUTHOR = dict.fromkeys(("moderator", "process_lead", "admin"), FORBIDDEN)  # the author's own initiative only
MANAGERS = ("process_lead",)  # the lead of the process, and admins
COUNCIL_READ = ("council_member", "process_lead")


@dataclass(frozen=True)
class Rule:
    get: dict | None
    post: dict | None
    body: dict = field(default_factory=dict)  # values may be callables taking the Town
    kwargs: dict = field(default_factory=dict)  # kwarg -> row key, over the defaults in TARGETS
    changes: frozenset | None = None  # default: the actors ALLOWED to post
    json: bool = False
    own_data: frozenset = frozenset()  # actors for whom B's content in the answer is their own data

    def writers(self) -> set:
        if self.changes is not None:
            return set(self.changes)
        return {a for a, o in (self.post or {}).items() if o == ALLOWED}


def page(access, **kw) -> Rule:
    return Rule(get=access, post=None, **kw)


def form(access, **kw) -> Rule:
    return Rule(get=access, post=access, **kw)


def action(access, **kw) -> Rule:
    return Rule(get=None, post=access, **kw)


REASON = {"reason": "Een reden."}

RULES: dict[str, Rule] = {
    # --- web --------------------------------------------------------------------------------------------
    "web:home": page(everyone()),
    "web:about": page(everyone()),
    "web:methods": page(everyone()),
    "web:favicon": page(everyone()),
    "web:staff_home": page(staff(*ALL_STAFF)),
    "web:municipality_settings": form(staff(), body={"welcome_title": "Nieuw", "welcome_text": "Tekst"}),
    "web:places": form(staff(), body={"action": "district", "code": "WK000199", "name": "Zuid"}),
    "web:places_shapes": action(staff(), body={}),  # no file: the form says so, nothing changes
    "web:roles": form(
        staff(), body={"action": "grant", "email": lambda t: t.people["neighbour"].email, "role": "moderator"}
    ),
    # --- accounts ---------------------------------------------------------------------------------------
    "accounts:register": form(everyone()),
    "accounts:login": form(everyone()),
    "accounts:link_sent": form(everyone()),
    "accounts:link": form(everyone()),  # without a valid link: 400 for everyone
    "accounts:logout": action(everyone(), changes=frozenset()),  # ends only the caller's own session
    "accounts:staff_login": form(everyone()),
    # Linking an authenticator needs a session that has just given the password; none of these has.
    "accounts:totp_setup": form(dict.fromkeys(ACTORS, LOGIN)),
    "accounts:profile": form(logged_in(), body={}),
    # --- initiatives ------------------------------------------------------------------------------------
    "initiatives:list": page(everyone()),
    "initiatives:map": page(everyone()),
    "initiatives:detail": page(everyone()),
    "initiatives:comment_thread": page(everyone(), kwargs={"comment_pk": "comment"}),
    "initiatives:detail@submitted": page(
        {
            **dict.fromkeys(ACTORS, NOT_FOUND),
            **dict.fromkeys(("resident", "moderator", "process_lead", "admin"), ALLOWED),
        },
        kwargs={"pk": "initiative_submitted"},
    ),
    "initiatives:detail@hidden": page(
        {**dict.fromkeys(ACTORS, NOT_FOUND), **dict.fromkeys(("moderator", "process_lead", "admin"), ALLOWED)},
        kwargs={"pk": "initiative_hidden"},
    ),
    "initiatives:detail@withdrawn": page(everyone(), kwargs={"pk": "initiative_withdrawn"}),
    "initiatives:create": form(residents(), body={"kind": "idea", "title": "Nieuw plan", "body": "Goed."}),
    "initiatives:mine": form(residents()),
    # A submitted initiative is not even visible to staff who do not handle initiatives.
    "initiatives:edit": form(
        residents(**NOT_AUTHOR, specialist=NOT_FOUND, council_member=NOT_FOUND),
        body={"kind": "idea", "title": "Ander plan", "body": "Anders."},
    ),
    "initiatives:edit@not_own": form(
        residents(resident=FORBIDDEN, specialist=FORBIDDEN, council_member=FORBIDDEN, **NOT_AUTHOR),
        kwargs={"pk": "initiative"},
        body={"kind": "idea", "title": "X", "body": "Y"},
    ),
    # The author, and the staff who move initiatives through their statuses.
    "initiatives:withdraw": action(residents(specialist=FORBIDDEN, council_member=FORBIDDEN), body=REASON),
    "initiatives:withdraw@not_own": action(
        residents(resident=FORBIDDEN, specialist=FORBIDDEN, council_member=FORBIDDEN),
        kwargs={"pk": "initiative"},
        body=REASON,
    ),
    "initiatives:comment": action(residents(), body={"body": "Een reactie."}),
    "initiatives:flag": action(residents(), body=REASON),
    "initiatives:support": action(residents()),
    "initiatives:unsupport": action(residents()),
    "initiatives:join": action(residents()),
    "initiatives:leave": action(residents()),
    "initiatives:follow": action(residents()),
    "initiatives:unfollow": action(residents()),
    "initiatives:status": action(
        staff("moderator", "process_lead"), body={"to_status": "in_progress", "reason": "Reden."}
    ),
    "initiatives:hide": action(staff("moderator"), body=REASON),
    "initiatives:restore": action(staff("moderator"), body=REASON),
    "initiatives:staff_list": page(staff("moderator", "process_lead")),
    "initiatives:moderation": page(staff("moderator")),
    "initiatives:flag_dismiss": action(staff("moderator"), body=REASON),
    # --- attachments: served to whom their initiative is shown; hidden ones to moderators only -----------
    "attachments:file": page(everyone()),
    "attachments:card": page(everyone()),
    "attachments:file@project": page(everyone(), kwargs={"pk": "project_photo"}),
    "attachments:file@hidden": page(
        {**dict.fromkeys(ACTORS, NOT_FOUND), "moderator": ALLOWED, "admin": ALLOWED}, kwargs={"pk": "photo_hidden"}
    ),
    "attachments:hide": action(staff("moderator"), body=REASON),
    "attachments:restore": action(staff("moderator"), body=REASON, kwargs={"pk": "photo_hidden"}),
    # --- dialogues --------------------------------------------------------------------------------------
    "dialogues:list": page(everyone()),
    "dialogues:detail": page(everyone()),
    "dialogues:results": page(everyone()),
    "dialogues:create": form(
        staff("process_lead", "moderator"), body={"title": "Nieuw", "question": "Wat vind je?", "moderation": "after"}
    ),
    # Only members of this municipality take part; anyone else is sent to log in as one.
    "dialogues:vote": action(
        residents(foreign_resident=LOGIN, foreign_admin=LOGIN),
        body={"statement": lambda t: t["statement"].pk, "value": "eens"},
    ),
    # Refused with a message on the dialogue page for anyone who may not take part.
    "dialogues:statement": action(
        everyone(),
        body={"text": "Een nieuwe stelling."},
        changes=frozenset(ACTORS) - {"anonymous", "foreign_resident", "foreign_admin"},
    ),
    "dialogues:moderation": page(staff("process_lead", "moderator")),
    "dialogues:moderate": action(staff("process_lead", "moderator"), body={"decision": "approve"}),
    "dialogues:export": page(staff("process_lead", "moderator")),
    # --- sensing ----------------------------------------------------------------------------------------
    "sensing:public": page(everyone()),
    "sensing:dashboard": page(staff(*ALL_STAFF)),
    "sensing:theme": page(staff(*ALL_STAFF)),
    "sensing:texts": page(staff("process_lead", "moderator")),
    "sensing:export": page(staff(*ALL_STAFF)),
    "sensing:refresh": action(staff("process_lead")),
    "sensing:theme_rename": action(staff("process_lead"), body={"label": "Bladeren op de stoep"}),
    "sensing:import": form(staff("process_lead")),
    "sensing:import_detail": page(staff("process_lead")),
    "sensing:tokens": form(staff(), body={"label": "Nieuwe koppeling"}),
    "sensing:token_revoke": action(staff()),
    # Token or staff session: without either 401; a staff session of the import roles may post.
    "sensing:api_reports": action(
        {**dict.fromkeys(ACTORS, LOGIN), "process_lead": ALLOWED, "admin": ALLOWED},
        body={"id": "m1", "text": "Losse stoeptegel op de stoep."},
        json=True,
    ),
    # --- council ----------------------------------------------------------------------------------------
    "council:dashboard": page(staff(*COUNCIL_READ)),
    "council:process": page(staff(*COUNCIL_READ)),
    "council:process@draft": page(staff(*COUNCIL_READ), kwargs={"slug": "process_draft"}),
    "council:report": page(staff(*COUNCIL_READ)),
    "council:report_download": page(staff(*COUNCIL_READ)),
    "council:report_send": action(staff("process_lead")),
    "council:report_refresh": action(staff("process_lead")),
    "council:frame_create": form(staff("council_member")),
    "council:question_create": form(staff("council_member"), body={"text": "Hoe staat het?"}),
    "council:question_answer": action(staff("process_lead"), body={"answer": "Zo."}),
    "council:spending_create": form(staff("process_lead"), body={"amount": "10", "description": "Koffie"}),
    "council:report_generate": action(staff("process_lead")),
    "council:follow": action(staff("council_member")),
    "council:unfollow": action(staff("council_member")),
    # Public record: progress reports sent to the council about public processes, for anyone.
    "council:public_reports": page(everyone()),
    "council:public_report": page(everyone(), kwargs={"pk": "report_sent"}),
    "council:public_report@unsent": page(dict.fromkeys(ACTORS, NOT_FOUND), kwargs={"pk": "report"}),
    "council:public_report@draft_process": page(dict.fromkeys(ACTORS, NOT_FOUND), kwargs={"pk": "report_draft"}),
    "council:public_report_download": page(everyone(), kwargs={"pk": "report_sent"}),
    # District reports: council members read the sent ones; process leads (and admins) make and send them.
    "council:district_reports": page(staff(*COUNCIL_READ)),
    "council:district_report_create": form(staff("process_lead"), body={"district": "", "weeks": "6"}),
    "council:district_report": page(staff(*COUNCIL_READ), kwargs={"pk": "district_report_sent"}),
    "council:district_report@draft": page(
        staff("process_lead", council_member=NOT_FOUND), kwargs={"pk": "district_report"}
    ),
    "council:district_report_download": page(staff(*COUNCIL_READ), kwargs={"pk": "district_report_sent"}),
    "council:district_report_send": action(staff("process_lead"), kwargs={"pk": "district_report"}),
    "council:district_report_refresh": action(staff("process_lead"), kwargs={"pk": "district_report"}),
    # --- processes --------------------------------------------------------------------------------------
    # --- participation ----------------------------------------------------------------------------------
    "participation:overview": page(everyone()),
    "participation:bylaw": page(everyone(), kwargs={"version": "=1"}),
    "participation:bylaw_admin": form(staff()),
    "participation:promise": form(staff(*MANAGERS)),
    "participation:evaluation": form(staff(*MANAGERS)),
    "participation:weighed_input": form(staff(*MANAGERS)),
    "participation:resident_survey": form(residents()),
    "participation:resident_survey_open": action(staff(*MANAGERS)),
    "participation:challenges": page(everyone()),
    "participation:challenge_new": form(residents()),
    "participation:challenges_due": page(staff(*MANAGERS)),
    "participation:challenge": page(everyone()),
    "participation:challenge_manage": page(staff(*MANAGERS)),
    "participation:challenge_step": action(staff(*MANAGERS), kwargs={"step": "=receipt"}),
    "participation:yearly_reports": page(everyone()),
    "participation:yearly_report": page(everyone(), kwargs={"year": "=2026", "fmt": "=json"}),
    "participation:yearly_manage": form(staff(*MANAGERS), body={"year": "1999"}),
    "participation:mirror": page(staff(*ALL_STAFF)),
    "participation:self_assessment": form(staff(*ALL_STAFF)),
    "participation:statements": form(staff()),
    "participation:statement_retire": action(staff()),
    "processes:list": page(everyone()),
    "processes:values_weighed": page(everyone()),
    "processes:detail": page(everyone()),
    "processes:detail@draft": page(
        {**dict.fromkeys(ACTORS, NOT_FOUND), "process_lead": ALLOWED, "admin": ALLOWED},
        kwargs={"slug": "process_draft"},
    ),
    # Any member follows a process; the other municipality's people are refused.
    "processes:follow": action(logged_in(foreign_resident=FORBIDDEN, foreign_admin=FORBIDDEN)),
    "processes:unfollow": action(
        everyone(), changes=frozenset(ACTORS) - {"anonymous", "foreign_resident", "foreign_admin"}
    ),
    "processes:meeting": page(everyone()),
    "processes:survey": page(everyone()),
    "processes:survey_respond": action(residents()),
    "processes:workspace": page(staff(*MANAGERS)),
    "processes:create": form(staff(*MANAGERS), body={"title": "Nieuw", "question": "Wat?", "description": "Zo."}),
    "processes:my_advice": page(staff("specialist")),
    "processes:advice_answer": form(staff("specialist"), body={"text": "Ja.", "basis": "APV"}),
    "processes:manage": page(staff(*MANAGERS)),
    "processes:edit": form(staff(*MANAGERS)),
    "processes:locate": form(staff(*MANAGERS), body={"location_lon": "5.1", "location_lat": "52.1"}),
    "processes:open": action(staff(*MANAGERS), kwargs={"slug": "process_draft"}),
    "processes:close": action(staff(*MANAGERS), body={"outcome": "Klaar."}),
    "processes:phases": form(staff(*MANAGERS), body={"title": "Fase", "reason": "Nodig."}),
    "processes:phases_reorder": action(staff(*MANAGERS)),
    "processes:phase_edit": form(staff(*MANAGERS)),
    "processes:phase_close": action(staff(*MANAGERS), body=REASON),
    "processes:components": form(staff(*MANAGERS)),
    "processes:placement_phases": action(staff(*MANAGERS)),
    "processes:meeting_edit": form(staff(*MANAGERS)),
    "processes:stakeholders": form(staff(*MANAGERS), body={"name": "Club", "kind": "group"}),
    "processes:stakeholder_edit": form(staff(*MANAGERS)),
    "processes:advice_requests": form(staff(*MANAGERS)),
    "processes:decisions": form(staff(*MANAGERS)),
    "processes:updates": form(staff(*MANAGERS), body={"title": "Nieuws", "body": "Zo gaat het."}),
    # --- budgets ----------------------------------------------------------------------------------------
    "budgets:list": page(everyone()),
    "budgets:detail": page(everyone()),
    "budgets:result": page(everyone()),
    "budgets:create": form(staff(*MANAGERS)),
    "budgets:propose": form(residents(), body={"title": "Bankje", "description": "Een bankje."}),
    "budgets:ballot": form(residents()),
    "budgets:manage": page(staff(*MANAGERS)),
    "budgets:status": action(staff(*MANAGERS), body={"status": "review"}),
    "budgets:count": action(staff(*MANAGERS)),
    "budgets:publish": action(staff(*MANAGERS)),
    "budgets:from_initiative": action(staff(*MANAGERS), body={"initiative": lambda t: t["initiative"].pk}),
    "budgets:export": page(staff(*MANAGERS)),
    "budgets:project_attachments": form(staff(*MANAGERS)),
    "budgets:project_attachment_remove": action(staff(*MANAGERS)),
    # Makes vote codes and answers with their letters (PDF); 400 where the budget's phase refuses codes.
    "budgets:vote_codes": form(staff(*MANAGERS), body={"count": "2"}),
    "budgets:review_request": action(staff(*MANAGERS)),
    "budgets:project_locate": form(staff(*MANAGERS), body={"location_lon": "5.1", "location_lat": "52.1"}),
    # The specialist who was asked, the process lead and admins.
    "budgets:review": form(staff("process_lead", "specialist"), body={"feasibility": "feasible", "cost": "100"}),
    # --- values -----------------------------------------------------------------------------------------
    "values:admin": form(staff(), body={"name": "Dapper", "description": "Durven."}),
    "values:edit": form(staff(), body={"name": "Dapper", "description": "Durven."}),
    "values:retire": action(staff()),
}

OPEN_DATASETS = (
    "initiatieven",
    "besluiten",
    "waardenafwegingen",
    "trajecten",
    "trajectfasen",
    "signalen",
    "buurtbudget-uitslagen",
)
# The REST API takes tokens, not sessions: staff actors call with a token for their role (foreign_admin
# with one of municipality B, which A's host refuses: 401); residents and anonymous callers have none.
API_PUBLIC = everyone(foreign_admin=LOGIN)


def api_staff(*roles) -> dict:
    allowed = {*roles, "admin"}
    return {
        **dict.fromkeys(ACTORS, LOGIN),
        **{a: ALLOWED if a in allowed else FORBIDDEN for a in ALL_STAFF + ("admin",)},
    }


RULES.update(
    {
        # --- accounts: OpenID Connect (off by default: every page answers 404) ----------------------------
        "accounts:oidc_staff_start": page(dict.fromkeys(ACTORS, NOT_FOUND)),
        "accounts:oidc_staff_callback": page(dict.fromkeys(ACTORS, NOT_FOUND)),
        "accounts:oidc_broker_start": page(dict.fromkeys(ACTORS, NOT_FOUND)),
        "accounts:oidc_broker_callback": page(dict.fromkeys(ACTORS, NOT_FOUND)),
        "accounts:oidc_staff_code": form(logged_in(**{a: NOT_FOUND for a in ACTORS if a != "anonymous"})),
        # --- privacy ----------------------------------------------------------------------------------
        "privacy:my_data": page(logged_in()),
        # Everyone's own data, from every municipality they take part in.
        "privacy:download": page(logged_in(), own_data=frozenset({"foreign_resident", "foreign_admin"})),
        "privacy:account_delete": form(logged_in()),  # an empty body: nothing is deleted
        "privacy:reveal": action(logged_in()),  # without a valid form token: 400 for everyone
        "privacy:access_log": page(staff()),
        "privacy:settings": form(staff("process_lead")),
        # --- open data: public, and only municipality A's figures on A's host -------------------------------
        "opendata:index": page(everyone()),
        "opendata:catalog": page(everyone()),
        "opendata:catalog_turtle": page(everyone()),
        **{
            f"opendata:download@{key}.{fmt}": page(everyone(), kwargs={"key": f"={key}", "fmt": f"={fmt}"})
            for key in OPEN_DATASETS
            for fmt in ("csv", "json")
        },
        "opendata:download": page(dict.fromkeys(ACTORS, NOT_FOUND), kwargs={"key": "=onbekend", "fmt": "=csv"}),
        # --- REST API v1 ------------------------------------------------------------------------------
        "api:openapi": page(API_PUBLIC),
        "api:root": page(API_PUBLIC),
        "api:not_found": page(dict.fromkeys(ACTORS, NOT_FOUND)),
        "api:initiatives": page(API_PUBLIC),
        "api:initiative": page(API_PUBLIC),
        "api:initiative_status_changes": Rule(
            get=API_PUBLIC,
            post=api_staff("moderator", "process_lead"),
            body={"status": "in_progress", "reason": "Het werk begint."},
            json=True,
        ),
        "api:flags": page(api_staff("moderator")),
        "api:processes": page(API_PUBLIC),
        "api:process": page(API_PUBLIC),
        "api:process_decisions": page(API_PUBLIC),
        "api:dialogues": page(API_PUBLIC),
        "api:dialogue": page(API_PUBLIC),
        "api:budgets": page(API_PUBLIC),
        "api:budget": page(API_PUBLIC),
        "api:council_reports": page(API_PUBLIC),
        "api:council_report": page(API_PUBLIC),
        "api:challenges": page(API_PUBLIC),
        "api:challenge": page(API_PUBLIC),
        "api:sensing_themes": page(API_PUBLIC),
        "api:sensing_districts": page(API_PUBLIC),
        "api:sensing_alerts": page(API_PUBLIC),
        "api:sensing_reports": action(
            api_staff("process_lead"), body={"id": "api-1", "text": "Losse stoeptegel op de stoep."}, json=True
        ),
    }
)

# Which row a URL argument names: by URL name first, else by app. Values are row keys of a Town
# ("fmt" is not a row: the report download format).
TARGETS_BY_APP = {
    "initiatives": {"pk": "initiative", "flag_pk": "flag"},
    "attachments": {"pk": "photo"},
    "dialogues": {"pk": "dialogue", "statement_pk": "statement_pending"},
    "council": {"pk": "report", "slug": "process"},
    "processes": {"slug": "process"},
    "api": {"slug": "process"},
    "budgets": {"pk": "budget", "project_pk": "project", "slug": "process", "attachment_pk": "project_photo"},
    "values": {"pk": "value"},
    "participation": {"pk": "challenge", "slug": "process"},
}
TARGETS_BY_NAME = {
    "initiatives:edit": {"pk": "initiative_submitted"},
    "initiatives:withdraw": {"pk": "initiative_own_published"},
    "initiatives:restore": {"pk": "initiative_hidden"},
    "sensing:theme": {"pk": "theme"},
    "sensing:theme_rename": {"pk": "theme"},
    "sensing:import_detail": {"pk": "report_import"},
    "sensing:token_revoke": {"pk": "token"},
    "council:question_answer": {"pk": "question"},
    "processes:advice_answer": {"pk": "advice_request_open"},
    "processes:meeting": {"pk": "meeting"},
    "processes:meeting_edit": {"pk": "meeting"},
    "processes:survey": {"pk": "survey"},
    "processes:survey_respond": {"pk": "survey"},
    "processes:phase_edit": {"pk": "phase"},
    "processes:phase_close": {"pk": "phase"},
    "processes:placement_phases": {"pk": "placement"},
    "processes:stakeholder_edit": {"pk": "stakeholder"},
    "budgets:result": {"pk": "budget_result"},
    "api:initiative": {"pk": "initiative"},
    "api:initiative_status_changes": {"pk": "initiative"},
    "api:dialogue": {"pk": "dialogue"},
    "api:budget": {"pk": "budget"},
    "api:council_report": {"pk": "report_sent"},  # only sent reports are public
    "api:challenge": {"pk": "challenge"},
    "participation:weighed_input": {"pk": "decision"},
    "participation:statement_retire": {"pk": "statement"},
}
CONSTANTS = {"fmt": "json"}


def split_key(key: str) -> tuple[str, str]:
    """'initiatives:detail@hidden' -> ('initiatives:detail', 'hidden')."""
    name, _, variant = key.partition("@")
    return name, variant


def targets(name: str, kwargs: tuple[str, ...], rule: Rule) -> dict[str, str]:
    """kwarg -> row key for one URL; a kwarg nobody named fails loudly, so a new pattern gets a target."""
    app = name.split(":")[0]
    chosen = {}
    for kwarg in kwargs:
        if kwarg in CONSTANTS or str(rule.kwargs.get(kwarg, "")).startswith("="):
            continue
        key = (
            rule.kwargs.get(kwarg) or TARGETS_BY_NAME.get(name, {}).get(kwarg) or TARGETS_BY_APP.get(app, {}).get(kwarg)
        )
        if key is None:
            raise LookupError(f"{name}: no row for the argument {kwarg!r}; add it to TARGETS_BY_NAME in {__file__}")
        chosen[kwarg] = key
    return chosen


def url_values(town, chosen: dict[str, str], kwargs: tuple[str, ...], rule: Rule) -> dict:
    """The URL's arguments: rows of `town` by pk/slug, "=literal" values of the rule, and CONSTANTS."""
    values = {k: CONSTANTS[k] for k in kwargs if k in CONSTANTS}
    values.update({k: v[1:] for k, v in rule.kwargs.items() if str(v).startswith("=")})
    for kwarg, key in chosen.items():
        row = town[key]
        values[kwarg] = row.slug if kwarg == "slug" else getattr(row, "uuid", None) if kwarg == "uuid" else row.pk
    return values


def body_for(rule: Rule, town) -> dict:
    return {k: v(town) if callable(v) else v for k, v in rule.body.items()}
