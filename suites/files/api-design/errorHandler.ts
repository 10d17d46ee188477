import { NextFunction, Request, Response } from "express";
import { ValidationError } from "joi";
import { EntityNotFoundError, QueryFailedError } from "typeorm";
import { logger } from "../logging";
import { AuthError, BusinessRuleError, ForbiddenError } from "./errors";

const isProd = process.env.NODE_ENV === "production";

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err, path: req.path, requestId: req.id }, "request failed");

  if (err instanceof ValidationError) {
    return res.status(400).json({
      error: "ValidationError",
      message: err.details.map((d) => d.message).join("; "),
    });
  }

  if (err instanceof EntityNotFoundError) {
    return res.status(404).json({ message: "Not found" });
  }

  if (err instanceof AuthError) {
    return res.status(401).send("Unauthorized");
  }

  if (err instanceof ForbiddenError) {
    return res.status(403).json({ error: "forbidden", reason: err.message });
  }

  if (err instanceof BusinessRuleError) {
    return res.status(200).json({ success: false, code: err.code, message: err.message });
  }

  if (err instanceof QueryFailedError) {
    return res.status(500).json({
      error: "DatabaseError",
      message: err.message,
      query: isProd ? undefined : err.query,
    });
  }

  const e = err as Error;
  return res.status(500).json({
    error: e?.name ?? "InternalError",
    message: e?.message ?? String(err),
    stack: isProd ? undefined : e?.stack,
  });
}
