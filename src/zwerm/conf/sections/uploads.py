from ..env import env_int, env_str

# The largest image or PDF a person may upload, in MB (zwerm.core.uploads.upload_check; CSV imports have their own).
ZWERM_UPLOAD_MAX_MB = env_int("ZWERM_UPLOAD_MAX_MB", 10)
# The virus scanner every uploaded image and document passes: empty or "none" (no scanner), or "clamav" (clamd,
# ClamAV's daemon, through ZWERM_CLAMAV_SOCKET). When a scanner is set and gives no verdict, the upload is refused.
ZWERM_VIRUS_SCANNER = env_str("ZWERM_VIRUS_SCANNER", "")
# clamd's socket: a path (Debian's clamav-daemon: /var/run/clamav/clamd.ctl) or tcp://host:3310.
ZWERM_CLAMAV_SOCKET = env_str("ZWERM_CLAMAV_SOCKET", "/var/run/clamav/clamd.ctl")
# Seconds to wait for clamd (connecting, and each read or write).
ZWERM_CLAMAV_TIMEOUT = env_int("ZWERM_CLAMAV_TIMEOUT", 30)
