-- One database for the platform on a single host; each service creates and owns its schema
-- through its migrations (in production, one database per service is preferred).
SELECT 'firstset database ready';
