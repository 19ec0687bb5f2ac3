"""Log-in through OpenID Connect, as a plug-in that is off by default (ADR 0014).

Two well-defined uses, each with its own settings (conf/sections/identity.py):
- `staff`: the municipality's identity provider for staff; links to an existing staff account;
- `broker`: a DigiD broker for residents; the account is found by a keyed hash of the BSN.
"""
