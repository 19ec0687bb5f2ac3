"""Why an OpenID Connect log-in did not go through; each carries a message a visitor understands."""


class ProviderUnavailable(Exception):
    """The provider did not answer, or answered with something unusable (shown as 503)."""


class LoginRefused(Exception):
    """The provider's answer was fine, but Zwerm does not let this person in (shown as 403).

    `message` is a Dutch text for the visitor; it never contains personal data such as a BSN."""

    def __init__(self, message: str, *, reason: str):
        super().__init__(reason)
        self.message = message
        self.reason = reason
