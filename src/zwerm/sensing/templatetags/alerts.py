"""`{% include "sensing/_alert.html" with alert=a %}` words an alert through `sensing.wording.alert_wording`."""

from django import template

from zwerm.sensing.wording import alert_wording, forecast_band, forecast_why, week_words

register = template.Library()
register.filter("alert_wording", alert_wording)
register.filter("week_words", week_words)
register.filter("forecast_band", forecast_band)
register.filter("forecast_why", forecast_why)
