from ..env import env_str

# Background work goes through Django's tasks API (django-tasks). The demo runs each task
# in-process right after commit; production uses the database queue with `zwerm db_worker`.
ZWERM_TASKS_BACKEND = env_str("ZWERM_TASKS_BACKEND", "immediate")  # immediate | database
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if ZWERM_TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
