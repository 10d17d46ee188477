import hashlib
import hmac
import json
import logging
import time

import requests

from billing.db import session_scope
from billing.models import WebhookDelivery, WebhookEndpoint

log = logging.getLogger("webhooks.delivery")

MAX_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 5
REQUEST_TIMEOUT_SECONDS = 30


def sign(secret: str, payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hmac.new(secret.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def build_payload(event) -> dict:
    return {
        "id": event.id,
        "type": event.type,
        "created": event.created_at.isoformat(),
        "data": event.data,
    }


def deliver(endpoint: WebhookEndpoint, event) -> None:
    payload = build_payload(event)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Acme-Webhooks/1.0",
        "X-Acme-Event": event.type,
        "X-Acme-Signature": sign(endpoint.secret, payload),
    }
    body = json.dumps(payload)

    for attempt in range(1, MAX_ATTEMPTS + 1):
        started = time.monotonic()
        try:
            resp = requests.post(endpoint.url, data=body, headers=headers,
                                 timeout=REQUEST_TIMEOUT_SECONDS)
            status = resp.status_code
        except requests.RequestException as exc:
            status = None
            log.warning("delivery error endpoint=%s event=%s attempt=%d err=%s",
                        endpoint.id, event.id, attempt, exc)

        elapsed_ms = int((time.monotonic() - started) * 1000)
        with session_scope() as s:
            s.add(WebhookDelivery(endpoint_id=endpoint.id, event_id=event.id,
                                  attempt=attempt, status_code=status, elapsed_ms=elapsed_ms))

        if status is not None and 200 <= status < 300:
            return
        if attempt < MAX_ATTEMPTS:
            time.sleep(RETRY_DELAY_SECONDS)

    log.error("giving up endpoint=%s event=%s after %d attempts", endpoint.id, event.id, MAX_ATTEMPTS)
