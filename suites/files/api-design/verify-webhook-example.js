// docs/webhooks/verifying.md -> "Node.js (Express)" example
const express = require("express");
const crypto = require("crypto");

const app = express();
app.use(express.json());

const WEBHOOK_SECRET = process.env.ACME_WEBHOOK_SECRET;

app.post("/webhooks/acme", async (req, res) => {
  const signature = req.get("X-Acme-Signature");
  const expected =
    "sha256=" +
    crypto
      .createHmac("sha256", WEBHOOK_SECRET)
      .update(JSON.stringify(req.body))
      .digest("hex");

  if (signature !== expected) {
    return res.status(401).send("invalid signature");
  }

  const event = req.body;
  switch (event.type) {
    case "invoice.paid":
      await markInvoicePaid(event.data.invoice_id, event.data.amount_paid);
      await sendReceiptEmail(event.data.customer_email, event.data.invoice_id);
      break;
    case "payout.sent":
      await recordPayout(event.data);
      break;
    default:
      break;
  }

  res.sendStatus(200);
});

app.listen(3000);
