"""`{% include "sensing/_alert.html" with alert=a %}` words an alert through `sensing.wording.alert_wording`."""

from django import template

from zwerm.sensing.wording import alert_wording, week_words

register = template.Library()
register.filter("alert_wording", alert_wording)
register.filter("week_words", week_words)
