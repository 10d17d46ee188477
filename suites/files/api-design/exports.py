from datetime import date
from typing import Literal
from uuid import uuid4

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from app.auth import Principal, current_principal
from app.exports.writers import rows_to_csv, rows_to_xlsx
from app.ledger import LedgerQuery
from app.storage import EXPORT_BUCKET, s3_client

router = APIRouter()


class ExportRequest(BaseModel):
    account_id: str
    date_from: date
    date_to: date
    format: Literal["csv", "xlsx"] = "csv"
    include_line_items: bool = False


class ExportResult(BaseModel):
    download_url: str
    rows: int


@router.post("/v1/exports/transactions", response_model=ExportResult)
def export_transactions(body: ExportRequest, principal: Principal = Depends(current_principal)):
    if body.date_to < body.date_from:
        raise HTTPException(status_code=422, detail="date_to must be on or after date_from")
    principal.require_account(body.account_id)

    query = LedgerQuery(
        account_id=body.account_id,
        date_from=body.date_from,
        date_to=body.date_to,
        include_line_items=body.include_line_items,
    )
    rows = query.fetch_all()
    data = rows_to_csv(rows) if body.format == "csv" else rows_to_xlsx(rows)

    key = f"exports/{body.account_id}/{uuid4()}.{body.format}"
    s3_client.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=data)
    url = s3_client.generate_presigned_url(
        "get_object",
        Params={"Bucket": EXPORT_BUCKET, "Key": key},
        ExpiresIn=3600,
    )
    return ExportResult(download_url=url, rows=len(rows))
