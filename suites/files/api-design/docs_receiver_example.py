# From docs.acme-billing.com/webhooks/verifying-signatures  ("Python / Flask" tab)
import hashlib
import hmac
import json
import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["ACME_WEBHOOK_SECRET"]


@app.post("/webhooks/acme")
def acme_webhook():
    payload = request.get_json()

    expected = hmac.new(
        WEBHOOK_SECRET.encode(),
        json.dumps(payload, sort_keys=True, separators=(",", ":")).encode(),
        hashlib.sha256,
    ).hexdigest()

    if request.headers.get("X-Acme-Signature") != expected:
        abort(401)

    handle_event(payload)
    return "", 200


def handle_event(payload):
    if payload["type"] == "invoice.paid":
        provision_subscription(payload["data"]["subscription_id"])
    elif payload["type"] == "invoice.payment_failed":
        schedule_dunning(payload["data"]["invoice_id"])
