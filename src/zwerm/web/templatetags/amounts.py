"""`{{ value|euro }}` ("€ 4.500,50" on Dutch pages, "€4,500.50" on English ones) and `{{ value|amount }}`
("4.500" / "4,500"): amounts and large counts in the page's notation (zwerm.core.amounts)."""

from django import template

from zwerm.core.amounts import format_amount, format_euro

register = template.Library()
register.filter("euro", format_euro)
register.filter("amount", format_amount)
