import pytest

from .clamd import clamd_running


@pytest.fixture(scope="module")
def clamd_socket():
    """A real clamd for this test module, on a socket of its own."""
    with clamd_running() as socket_path:
        yield socket_path


@pytest.fixture
def clamav(settings, clamd_socket):
    """Uploads in this test are scanned by the real clamd."""
    settings.ZWERM_VIRUS_SCANNER = "clamav"
    settings.ZWERM_CLAMAV_SOCKET = str(clamd_socket)
    return clamd_socket
