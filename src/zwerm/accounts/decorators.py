"""View guards: a resident of this municipality, or a staff role with a verified second factor."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import STAFF_ROLES, Role
from .selectors import user_has_role


def resident_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
        if not user_has_role(user=request.user, municipality=request.municipality, roles=Role.RESIDENT):
            messages.info(request, _("Kies je buurt in %(name)s om mee te doen.") % {"name": request.municipality.name})
            return redirect(f"{reverse('accounts:profile')}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapper


def role_required(*roles):
    """Staff roles need a log-in with password and second factor; the role is checked per municipality."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("accounts:staff_login"))
            if not user_has_role(user=request.user, municipality=request.municipality, roles=roles):
                raise PermissionDenied(_("Je hebt geen rol waarmee je deze pagina mag gebruiken."))
            if set(roles) & STAFF_ROLES and not request.user.is_verified():
                messages.info(request, _("Log in met je wachtwoord en de code uit je authenticator-app."))
                return redirect_to_login(request.get_full_path(), reverse("accounts:staff_login"))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def staff_verified(request, *roles) -> bool:
    """For templates and views that show staff controls: the role here and a verified second factor."""
    return (
        request.user.is_authenticated
        and request.user.is_verified()
        and user_has_role(user=request.user, municipality=request.municipality, roles=roles)
    )
