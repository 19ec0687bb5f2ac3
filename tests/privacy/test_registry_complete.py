"""Every model that points at a person or holds free text says what erasure does to it (finding 3).

A new model with a user foreign key or a free-text field fails here until its app's personal-data
provider names it in `models` (or, for another package's model, `registry.declare`)."""

from django.apps import apps
from django.conf import settings
from django.db import models

from zwerm.core.personal_data import registry

FREE_TEXT_MIN = 100  # a CharField this long (without choices) is free text: titles, names, reasons


def _free_text(field) -> bool:
    if isinstance(field, models.TextField | models.JSONField):
        return True
    return isinstance(field, models.CharField) and not field.choices and (field.max_length or 0) >= FREE_TEXT_MIN


def holds_people_or_text(model) -> list[str]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return [f.name for f in model._meta.concrete_fields if (f.is_relation and f.related_model is user) or _free_text(f)]


def test_every_model_with_a_person_or_free_text_is_in_the_inventory():
    inventory = registry.inventory()
    missing = {
        model._meta.label: fields
        for model in apps.get_models()
        if (fields := holds_people_or_text(model)) and model._meta.label not in inventory
    }
    assert not missing, f"say what erasure does to these models (personal_data.py `models`): {missing}"


def test_the_inventory_names_only_models_that_exist():
    labels = {model._meta.label for model in apps.get_models()}
    assert not set(registry.inventory()) - labels


def test_every_zwerm_app_with_people_or_texts_has_a_provider():
    covered = set(registry.keys())
    for model in apps.get_models():
        if model.__module__.startswith("zwerm.") and any(
            f.is_relation and f.related_model is apps.get_model(settings.AUTH_USER_MODEL)
            for f in model._meta.concrete_fields
        ):
            app = model._meta.app_label
            assert app in covered or model._meta.label in registry.inventory(), app
