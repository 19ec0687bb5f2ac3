"""The request id (django-guid, header X-Request-ID) travels with the tasks a request queues.

When a task is queued in the database during a request, its stored arguments get the request id beside them
(`args_kwargs["request_id"]`; the worker only reads "args" and "kwargs"). The worker sets it again while it
runs that task, so the task's log lines carry the id of the request that caused them. With the in-process
backend (the demo) the task runs inside the request and keeps the id anyway."""

from django.db.models.signals import pre_save
from django_guid import clear_guid, get_guid, set_guid
from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult


def _remember_request_id(sender, instance: DBTaskResult, **kwargs) -> None:
    request_id = get_guid()
    if instance._state.adding and request_id and isinstance(instance.args_kwargs, dict):
        instance.args_kwargs["request_id"] = request_id


def _task_started(sender, task_result, **kwargs) -> None:
    stored = getattr(getattr(task_result, "db_result", None), "args_kwargs", None) or {}
    if stored.get("request_id"):
        set_guid(stored["request_id"])


def _task_finished(sender, task_result, **kwargs) -> None:
    if getattr(task_result, "db_result", None) is not None:
        clear_guid()


def connect() -> None:
    pre_save.connect(_remember_request_id, sender=DBTaskResult, dispatch_uid="zwerm-task-request-id")
    task_started.connect(_task_started, dispatch_uid="zwerm-task-request-id")
    task_finished.connect(_task_finished, dispatch_uid="zwerm-task-request-id")
