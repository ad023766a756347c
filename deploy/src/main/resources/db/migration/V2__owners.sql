-- Whose story and run each row is: the principal that posted the story through the API, '' for a
-- story from the topic or the CLI (which only admins see), as the API's own rule of who sees what.
-- Cost events, assets and feedback name their run, so they join to its owner by run_id.

ALTER TABLE stories ADD COLUMN owner VARCHAR NOT NULL DEFAULT '';
ALTER TABLE pipeline_runs ADD COLUMN owner VARCHAR NOT NULL DEFAULT '';

CREATE INDEX idx_stories_owner ON stories(owner);
CREATE INDEX idx_runs_owner ON pipeline_runs(owner);
