from typing import Optional

from fastapi import APIRouter, Depends, Query
from psycopg.rows import dict_row

from app.auth import current_merchant
from app.db import get_conn
from app.schemas import Order, OrderPage

router = APIRouter()

LIST_SQL = """
    SELECT id, merchant_id, customer_id, status, currency, total_amount,
           external_ref, created_at, updated_at
      FROM orders
     WHERE merchant_id = %(merchant_id)s
       {status_filter}
     ORDER BY created_at DESC
     LIMIT %(limit)s OFFSET %(offset)s
"""

COUNT_SQL = """
    SELECT count(*) AS count
      FROM orders
     WHERE merchant_id = %(merchant_id)s
       {status_filter}
"""


@router.get("/v1/orders", response_model=OrderPage)
def list_orders(
    page: int = Query(1, ge=1),
    per_page: int = Query(50, ge=1, le=200),
    status: Optional[str] = Query(None, pattern="^(pending|paid|shipped|cancelled|refunded)$"),
    merchant=Depends(current_merchant),
    conn=Depends(get_conn),
):
    params = {
        "merchant_id": merchant.id,
        "limit": per_page,
        "offset": (page - 1) * per_page,
    }
    status_filter = ""
    if status is not None:
        status_filter = "AND status = %(status)s"
        params["status"] = status

    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(COUNT_SQL.format(status_filter=status_filter), params)
        total = cur.fetchone()["count"]

        cur.execute(LIST_SQL.format(status_filter=status_filter), params)
        rows = cur.fetchall()

    return OrderPage(
        data=[Order(**row) for row in rows],
        page=page,
        per_page=per_page,
        total=total,
        total_pages=(total + per_page - 1) // per_page,
    )


@router.post("/v1/orders/import", status_code=202)
def import_orders(
    payload: list[dict],
    merchant=Depends(current_merchant),
    conn=Depends(get_conn),
):
    with conn.transaction():
        with conn.cursor() as cur:
            cur.executemany(
                """
                INSERT INTO orders (merchant_id, customer_id, status, currency,
                                    total_amount, external_ref)
                VALUES (%(merchant_id)s, %(customer_id)s, %(status)s, %(currency)s,
                        %(total_amount)s, %(external_ref)s)
                """,
                [{**o, "merchant_id": merchant.id} for o in payload],
            )
    return {"accepted": len(payload)}
