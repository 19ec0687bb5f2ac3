from django.contrib import admin
from django_otp.admin import OTPAdminSite

# The Django admin (for superusers) also asks for the second factor.
admin.site.__class__ = OTPAdminSite
