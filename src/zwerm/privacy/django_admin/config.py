"""The Django admin app with Zwerm's site (INSTALLED_APPS names this class instead of "django.contrib.admin")."""

from django.contrib.admin.apps import AdminConfig


class PersonalDataAdminConfig(AdminConfig):
    # extends django-otp's OTPAdminSite: a second factor, then a purpose for pages with personal data
    default_site = "zwerm.privacy.django_admin.site.PersonalDataAdminSite"
