import hashlib
import hmac
import json
import logging
import time

import requests

from app.models import Event, WebhookEndpoint

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 2
TIMEOUT_SECONDS = 10


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def build_payload(event: Event) -> dict:
    return {
        "type": event.type,
        "created": event.created_at.isoformat(),
        "data": event.data,
    }


def deliver(endpoint: WebhookEndpoint, event: Event) -> bool:
    body = json.dumps(build_payload(event), separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Acme-Webhooks/1.4",
        "X-Acme-Signature": "sha256=" + sign(endpoint.secret, body),
    }
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            resp = requests.post(endpoint.url, data=body, headers=headers, timeout=TIMEOUT_SECONDS)
            if 200 <= resp.status_code < 300:
                return True
            log.warning("webhook %s -> %s attempt %d: HTTP %d",
                        event.type, endpoint.url, attempt, resp.status_code)
        except requests.RequestException as exc:
            log.warning("webhook %s -> %s attempt %d: %s", event.type, endpoint.url, attempt, exc)
        time.sleep(RETRY_DELAY_SECONDS)

    log.error("webhook %s -> %s failed after %d attempts, giving up",
              event.type, endpoint.url, MAX_ATTEMPTS)
    return False


def on_event_committed(event: Event) -> None:
    """Called from the ORM after_commit hook for every new Event."""
    for endpoint in WebhookEndpoint.active_for(event.account_id, event.type):
        deliver(endpoint, event)
