from ..env import env_choice
from .apps import PRODUCTION

# Background work goes through Django's tasks API (django-tasks). The demo runs each task in-process right
# after commit; production defaults to the database queue with `zwerm db_worker` (a task that runs inside a
# web request would be lost with its process, and would slow the request down).
ZWERM_TASKS_BACKEND = env_choice(
    "ZWERM_TASKS_BACKEND", "database" if PRODUCTION else "immediate", ("immediate", "database")
)
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if ZWERM_TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
