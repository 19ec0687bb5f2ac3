"""`{{ value|markup_number }}`: a number for SVG, CSS, JSON or a data attribute (zwerm.core.markup)."""

from django import template

from zwerm.core.markup import markup_number

register = template.Library()
register.filter("markup_number", markup_number)
