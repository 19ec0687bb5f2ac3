"""`{{ cooloff_timedelta|wait_words }}`: how long a locked-out visitor waits, in words ("15 minuten")."""

from django import template

from ..lockout import wait_words

register = template.Library()
register.filter("wait_words", wait_words)
