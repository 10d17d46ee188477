-- projects-api, internal/store/queries.sql

-- ListProjectsForUser: sidebar, called on every page load
SELECT id, name, status, updated_at
FROM projects
WHERE workspace_id = $1
  AND (owner_id = $2 OR ',' || member_ids || ',' LIKE '%,' || $2::text || ',%')
  AND status NOT IN ('archived', 'Archived', 'ARCHIVED')
ORDER BY updated_at DESC;

-- ProjectMembers
SELECT u.id, u.name, u.email
FROM projects p
JOIN users u ON u.id = ANY (string_to_array(p.member_ids, ',')::bigint[])
WHERE p.id = $1;

-- AddMember
UPDATE projects
SET member_ids = CASE WHEN member_ids = '' THEN $2::text
                      ELSE member_ids || ',' || $2::text END,
    updated_at = now()
WHERE id = $1;

-- RemoveMember
UPDATE projects
SET member_ids = array_to_string(array_remove(string_to_array(member_ids, ','), $2::text), ','),
    updated_at = now()
WHERE id = $1;

-- ProjectsWithLabel
SELECT p.id, p.name
FROM projects p
WHERE p.workspace_id = $1
  AND $2::text = ANY (string_to_array(p.label_ids, ','));

-- ArchiveProject
UPDATE projects SET status = 'archived', updated_at = now() WHERE id = $1;
