-- queries.sql (sqlc), identity service

-- name: CreateUser :one
INSERT INTO users (organization_id, email, username, display_name, password_hash)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: UpsertInvitedUser :one
INSERT INTO users (organization_id, email, username, display_name)
VALUES ($1, $2, $3, $4)
ON CONFLICT (email) DO UPDATE
    SET display_name = COALESCE(users.display_name, EXCLUDED.display_name),
        updated_at   = now()
RETURNING *;

-- name: GetUserByEmail :one
SELECT *
FROM users
WHERE lower(email) = lower($1)
  AND deleted_at IS NULL;

-- name: GetUserByUsername :one
SELECT *
FROM users
WHERE organization_id = $1
  AND username = $2
  AND deleted_at IS NULL;

-- name: SoftDeleteUser :exec
UPDATE users
SET deleted_at = now(), updated_at = now()
WHERE id = $1
  AND deleted_at IS NULL;

-- name: RestoreUser :exec
UPDATE users
SET deleted_at = NULL, updated_at = now()
WHERE id = $1
  AND deleted_at > now() - interval '30 days';

-- name: PurgeDeletedUsers :execrows
DELETE FROM users
WHERE deleted_at < now() - interval '30 days';

-- name: CreateOrganization :one
INSERT INTO organizations (slug, name, plan)
VALUES ($1, $2, $3)
RETURNING *;

-- name: GetOrganizationBySlug :one
SELECT *
FROM organizations
WHERE slug = $1
  AND deleted_at IS NULL;
