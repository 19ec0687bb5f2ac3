"""Sending e-mail to people: never to an address that cannot exist.

Accounts made by DigiD and erased accounts carry an address under the reserved `.invalid` top-level domain
(RFC 2606); a message to such an address would only bounce or wait in the outgoing queue."""

from django.core import mail


def deliverable(address: str) -> bool:
    return bool(address) and not address.lower().rstrip(".").endswith(".invalid")


def send_mass_mail(messages) -> int:
    """Django's send_mass_mail over (subject, body, sender, recipients), without undeliverable recipients."""
    kept = []
    for subject, body, sender, recipients in messages:
        recipients = [r for r in recipients if deliverable(r)]
        if recipients:
            kept.append((subject, body, sender, recipients))
    return mail.send_mass_mail(kept) if kept else 0
