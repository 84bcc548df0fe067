-- The clinician's worklist (GET /api/v1/worklists/clinicians/{id}/session-items): a clinician's sessions of today and
-- tomorrow, and its ended sessions whose notes are missing, read by clinician and time on every screen.
create index therapy_session_clinician_start on therapy_session (clinician_id, start_at);
