"""``zwerm budget ...``: participatory budgets from the command line.

``count`` counts a Pabulib file without touching the database. More actions (``export``) are added
as further subparsers; each action ``x`` is handled by ``Command.handle_x``.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from zwerm.budgets.export import budget_export_pb
from zwerm.budgets.pabulib import PabulibError
from zwerm.budgets.pabulib.counting import count_pb_file, write_json
from zwerm.budgets.rules import COMPLETIONS, RULES
from zwerm.budgets.selectors import budget_get_by_id


class Command(BaseCommand):
    help = "Participatory budgets: count a Pabulib (.pb) file."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        count = actions.add_parser("count", help="count a .pb file (no database needed)")
        count.add_argument("file", metavar="FILE.pb")
        count.add_argument("--rule", choices=RULES, default="mes")
        count.add_argument(
            "--completion",
            choices=COMPLETIONS,
            default="add1",
            help=(
                "how MES is completed: add1 (default) raises the per-voter budget until the outcome "
                "is exhaustive, as pabutools; add1-until-over raises it while the outcome fits the "
                "budget; greedy runs MES once; none runs MES once and never fills up"
            ),
        )
        count.add_argument(
            "--no-fill-up",
            dest="fill_up",
            action="store_false",
            help=(
                "leave what MES did not spend unspent instead of filling it up greedily "
                "(--rule mes --completion add1 --no-fill-up counts as Assen did in 2024)"
            ),
        )
        count.add_argument(
            "--step", default="1", help="add1 variants: raise the per-voter budget by this much each time (default 1)"
        )
        count.add_argument("--exact", action="store_true", help="compute every price with fractions")
        count.add_argument("--tie-break", choices=("id", "cost", "votes"), default="id")
        count.add_argument("--min-votes", type=int, default=0)
        count.add_argument("--json", dest="json_out", metavar="OUT", help="write the result here ('-': stdout)")

        export = actions.add_parser("export", help="write a budget of the platform as a .pb file")
        export.add_argument("budget_id", type=int)
        export.add_argument("--output", required=True, metavar="FILE.pb")

    def handle(self, *args, action, **options):
        handler = getattr(self, "handle_" + action.replace("-", "_"))
        return handler(**options)

    def handle_export(self, *, budget_id, output, **_):
        budget = budget_get_by_id(pk=budget_id)
        if budget is None:
            raise CommandError(f"no budget {budget_id}")
        budget_export_pb(budget=budget, path=output)
        self.stdout.write(f"written to {output}")

    def handle_count(self, *, file, rule, completion, fill_up, step, exact, tie_break, min_votes, json_out, **_):
        try:
            result = count_pb_file(
                file,
                rule=rule,
                completion=completion,
                fill_up=fill_up,
                exact=exact,
                tie_break=tie_break,
                min_votes=min_votes,
                step=step,
            )
        except (OSError, PabulibError, ValueError) as error:
            raise CommandError(f"{file}: {error}") from error
        if json_out == "-":
            write_json(result, sys.stdout)
        elif json_out:
            write_json(result, json_out)
        self.stderr.write(
            f"{rule}: {len(result['winners'])} winners, cost {result['cost']} of {result['budget']}, "
            f"{result['voters_with_a_funded_project']} of {result['voters']} voters with a funded "
            f"project, {result['seconds']:.3f} s"
        )
