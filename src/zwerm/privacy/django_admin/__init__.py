"""The Django admin (/beheer/django/) behind the purpose step: its pages of models that hold personal data
first ask why, and every showing is logged in `PersonalDataAccess`, as on Zwerm's own staff pages."""
