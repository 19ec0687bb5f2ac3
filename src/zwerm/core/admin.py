from django.contrib import admin

from .models import Municipality, MunicipalityHost


class HostInline(admin.TabularInline):
    model = MunicipalityHost
    extra = 1


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "cbs_code")
    inlines = [HostInline]
