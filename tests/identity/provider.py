"""A small OpenID Connect provider for the tests, on loopback, in a thread of the test process.

Enough of the real protocol for mozilla-django-oidc to talk to it unchanged: discovery, an
authorization endpoint that consents at once and sends the browser back with code and state, a token
endpoint (client authentication, one-time codes, redirect_uri and PKCE checked) that returns an RS256
ID token with the nonce, userinfo for the access token, the signing key as JWKS, and an end-session
endpoint (RP-Initiated Logout 1.0) that checks id_token_hint / client_id and sends the browser back.

A test chooses who logs in (`provider.person`) and may spoil the ID token (`provider.id_token_changes`,
`provider.tamper`) to see Zwerm refuse it."""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "zwerm-test"
CLIENT_SECRET = "geheim-voor-de-test"
KEY_ID = "test-key-1"


class Provider:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        # Who logs in next: claims in the ID token, and the claims userinfo answers with.
        self.person: dict = {"sub": "persoon-1"}
        self.userinfo_extra: dict = {}
        self.id_token_changes: dict = {}
        self.tamper = False
        self.codes: dict[str, dict] = {}
        self.access_tokens: dict[str, dict] = {}
        self.token_requests = 0
        self.userinfo_requests = 0
        self.id_tokens: list[str] = []  # every ID token handed out, newest last
        self.ended_sessions: list[dict] = []  # the `sub` (or client) of each accepted end-session request

    def start(self) -> "Provider":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what the endpoints hand out ---------------------------------------------------------------

    def access_token_for(self, claims: dict) -> str:
        token = secrets.token_urlsafe(24)
        self.access_tokens[token] = claims
        return token

    def id_token(self, *, nonce: str | None) -> str:
        now = int(time.time())
        payload = {"iss": self.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 300, **self.person}
        if nonce is not None:
            payload["nonce"] = nonce
        payload.update(self.id_token_changes)
        token = jwt.encode(payload, self.key, algorithm="RS256", headers={"kid": KEY_ID})
        if self.tamper:
            header, body, signature = token.split(".")
            claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            claims["sub"] = "iemand-anders"
            body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
            token = f"{header}.{body}.{signature}"
        self.id_tokens.append(token)
        return token

    def jwks(self) -> dict:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/end-session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }


def _handler_for(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # quiet: the tests read Zwerm's logs, not ours
            pass

        def _json(self, status: int, body: dict, headers: dict | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                return self._json(200, provider.metadata())
            if url.path == "/jwks":
                return self._json(200, provider.jwks())
            if url.path == "/authorize":
                return self._authorize(query)
            if url.path == "/end-session":
                return self._end_session(query)
            if url.path == "/userinfo":
                provider.userinfo_requests += 1
                token = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
                claims = provider.access_tokens.get(token)
                if claims is None:
                    return self._json(
                        401, {"error": "invalid_token"}, {"WWW-Authenticate": 'Bearer error="invalid_token"'}
                    )
                return self._json(200, claims)
            return self._json(404, {"error": "not_found"})

        def _authorize(self, query: dict):
            # Consent at once: the person is whoever the test chose.
            if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
                return self._json(400, {"error": "invalid_request"})
            code = secrets.token_urlsafe(16)
            provider.codes[code] = {
                "redirect_uri": query["redirect_uri"],
                "nonce": query.get("nonce"),
                "challenge": query.get("code_challenge"),
            }
            self.send_response(302)
            self.send_header(
                "Location", f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
            )
            self.end_headers()

        def _end_session(self, query: dict):
            # RP-Initiated Logout 1.0 §2-3: a hint must be our own ID token for this client (expired is fine);
            # client_id must match it; without a hint, client_id names the client.
            hint, client_id = query.get("id_token_hint"), query.get("client_id")
            ended = {"client_id": client_id}
            if hint:
                try:
                    claims = jwt.decode(
                        hint,
                        provider.key.public_key(),
                        algorithms=["RS256"],
                        audience=CLIENT_ID,
                        issuer=provider.issuer,
                        options={"verify_exp": False},
                    )
                except jwt.PyJWTError:
                    return self._json(400, {"error": "invalid_request", "error_description": "id_token_hint"})
                ended["sub"] = claims["sub"]
            if (client_id or CLIENT_ID) != CLIENT_ID or not (hint or client_id):
                return self._json(400, {"error": "invalid_request", "error_description": "client"})
            provider.ended_sessions.append(ended)
            target = query.get("post_logout_redirect_uri")
            if not target:
                return self._json(200, {"logged_out": True})
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()

        def do_POST(self):
            if urlsplit(self.path).path != "/token":
                return self._json(404, {"error": "not_found"})
            provider.token_requests += 1
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            client_id, client_secret = form.get("client_id"), form.get("client_secret")
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client_id, _sep, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
            if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
                return self._json(401, {"error": "invalid_client"})
            grant = provider.codes.pop(form.get("code", ""), None)  # a code works once
            if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
                return self._json(400, {"error": "invalid_grant"})
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if grant["challenge"] != challenge:
                return self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
            access_token = provider.access_token_for({"sub": provider.person["sub"], **provider.userinfo_extra})
            return self._json(
                200,
                {
                    "access_token": access_token,
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "id_token": provider.id_token(nonce=grant["nonce"]),
                },
            )

    return Handler
