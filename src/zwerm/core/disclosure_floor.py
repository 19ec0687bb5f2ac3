"""The floor of the small-number rule, without Django: no public figure is about fewer than 5 people.

`zwerm.core.disclosure` applies the rule (its `threshold()` is this floor or a municipality's higher
setting); the engines without Django (sensing's trends and mood) take the threshold as a parameter and
default to this floor. Nothing else in Zwerm writes the number 5 as a threshold
(tests/security/test_disclosure_in_one_place.py)."""

MINIMUM = 5
