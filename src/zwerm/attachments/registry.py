"""What attachments can belong to: each app registers its kinds of targets in its AppConfig.ready().

    from zwerm.attachments.registry import targets
    targets.register(Target(kind="initiative", visible=..., url=..., in_office=False))

The attachments app never imports the apps it serves (as `processes.registry` does for components). A
target says who may see it (the file is served only to whom the thing it belongs to is shown) and where its
page is (moderation goes back there). `in_office`: files on it are uploaded by staff in office; an erased
staff account leaves them (pointing at the placeholder); a resident's own files always go with them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass(frozen=True)
class Target:
    kind: str  # stable, stored on every attachment: "initiative", "budget_project", ...
    visible: Callable[[HttpRequest, int], bool]  # may this request see the target (so its attachments)?
    url: Callable[[int], str]  # the target's page
    in_office: bool = False


@dataclass
class TargetRegistry:
    _targets: dict[str, Target] = field(default_factory=dict)

    def register(self, target: Target) -> None:
        if target.kind in self._targets:
            raise ValueError(f"attachment target {target.kind!r} is already registered")
        self._targets[target.kind] = target

    def get(self, kind: str) -> Target | None:
        return self._targets.get(kind)

    def __contains__(self, kind: str) -> bool:
        return kind in self._targets

    def kinds(self) -> list[str]:
        return list(self._targets)


targets = TargetRegistry()
