from flask import Blueprint, g, jsonify, request
from psycopg.rows import dict_row

from app.auth import require_scope
from app.db import get_conn

bp = Blueprint("shipments", __name__)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ALLOWED_STATUSES = {"created", "label_printed", "in_transit", "delivered", "returned"}


def serialize(row: dict) -> dict:
    return {
        "id": row["id"],
        "reference": row["reference"],
        "status": row["status"],
        "carrier": row["carrier"],
        "tracking_number": row["tracking_number"],
        "destination_country": row["destination_country"],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }


@bp.get("/v1/shipments")
@require_scope("shipments:read")
def list_shipments():
    try:
        page = max(int(request.args.get("page", 1)), 1)
        page_size = min(int(request.args.get("page_size", DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
    except ValueError:
        return jsonify({"error": "page and page_size must be integers"}), 400

    status = request.args.get("status")
    if status is not None and status not in ALLOWED_STATUSES:
        return jsonify({"error": f"unknown status {status!r}"}), 400

    where = ["tenant_id = %(tenant_id)s"]
    params = {"tenant_id": g.tenant_id}
    if status:
        where.append("status = %(status)s")
        params["status"] = status
    where_sql = " AND ".join(where)

    with get_conn() as conn, conn.cursor(row_factory=dict_row) as cur:
        cur.execute(f"SELECT count(*) AS n FROM shipments WHERE {where_sql}", params)
        total = cur.fetchone()["n"]

        cur.execute(
            f"""
            SELECT id, reference, status, carrier, tracking_number,
                   destination_country, created_at, updated_at
            FROM shipments
            WHERE {where_sql}
            ORDER BY created_at DESC
            LIMIT %(limit)s OFFSET %(offset)s
            """,
            {**params, "limit": page_size, "offset": (page - 1) * page_size},
        )
        rows = cur.fetchall()

    return jsonify(
        {
            "data": [serialize(r) for r in rows],
            "page": page,
            "page_size": page_size,
            "total": total,
            "total_pages": (total + page_size - 1) // page_size,
        }
    )
