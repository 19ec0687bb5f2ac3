"""Sending e-mail to people: never to an address that cannot exist.

Accounts made by DigiD and erased accounts carry an address under the reserved `.invalid` top-level domain
(RFC 2606); a message to such an address would only bounce or wait in the outgoing queue.

Every message goes out through here, and its subject is made one line here: a subject is built from texts people
typed (an initiative's title), and a line break in a header makes Django refuse the whole message
(BadHeaderError), so nobody would get it."""

import re

from django.core import mail

SUBJECT_MAX = 200
_NOT_IN_A_HEADER_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_line(text: str, *, max_length: int = SUBJECT_MAX) -> str:
    """`text` as one header line: every run of white space or control characters becomes one space."""
    line = _NOT_IN_A_HEADER_RE.sub(" ", str(text)).strip()
    return line if len(line) <= max_length else line[: max_length - 1].rstrip() + "…"


def deliverable(address: str) -> bool:
    return bool(address) and not address.lower().rstrip(".").endswith(".invalid")


def send_mass_mail(messages) -> int:
    """Django's send_mass_mail over (subject, body, sender, recipients), without undeliverable recipients,
    each subject made one line."""
    kept = []
    for subject, body, sender, recipients in messages:
        recipients = [r for r in recipients if deliverable(r)]
        if recipients:
            kept.append((header_line(subject), body, sender, recipients))
    return mail.send_mass_mail(kept) if kept else 0
