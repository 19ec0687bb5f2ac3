"""The count is a plain-Python engine: importing it never imports Django."""

import subprocess
import sys


def test_rules_and_pabulib_do_not_import_django():
    code = (
        "import sys, zwerm.budgets.rules, zwerm.budgets.pabulib, zwerm.budgets.pabulib.counting; "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
