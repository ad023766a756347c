-- The platform spec's analytics tables (infrastructure-design.md), filled by Kafka Connect sink
-- connectors (connectors/*.json), each upserting by primary key so a replayed topic leaves the
-- same rows. Unlike the spec, no column REFERENCES another table: each table follows its own
-- topic with no order between topics (a run's row may come before its story's), and the JDBC sink
-- has no dead-letter path for a failed constraint: its task would stop.

CREATE TABLE stories (
    id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    source_type VARCHAR NOT NULL,
    source_metadata JSONB,
    status VARCHAR NOT NULL DEFAULT 'RECEIVED',
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW()
);

-- The compacted runs topic, one row per run, as its last record left it.
CREATE TABLE pipeline_runs (
    id VARCHAR PRIMARY KEY,
    story_id VARCHAR,
    title VARCHAR,
    status VARCHAR NOT NULL,
    current_stage VARCHAR,
    iteration INTEGER,
    scenes INTEGER,
    shots INTEGER,
    video_path VARCHAR,
    duration_seconds DOUBLE PRECISION,
    critic_score DOUBLE PRECISION,
    verdict VARCHAR,
    error VARCHAR,
    cost_usd NUMERIC(14, 6),
    compute_seconds DOUBLE PRECISION,
    stage_outputs JSONB,
    costs JSONB,
    config JSONB,
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE assets (
    id VARCHAR PRIMARY KEY,
    run_id VARCHAR,
    asset_type VARCHAR NOT NULL,
    file_path VARCHAR NOT NULL,
    generation_params JSONB,
    quality_score FLOAT,
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE feedback (
    id VARCHAR PRIMARY KEY,
    target_type VARCHAR NOT NULL,
    target_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    scores JSONB,
    issues JSONB,
    created_at TIMESTAMP DEFAULT NOW()
);

-- One row per cost event: a provider call's units, money and compute. The event id is
-- deterministic per call, so a retried or replayed call is one row.
CREATE TABLE costs (
    event_id VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    units DOUBLE PRECISION NOT NULL,
    unit VARCHAR NOT NULL,
    usd NUMERIC(14, 6) NOT NULL,
    compute_seconds DOUBLE PRECISION NOT NULL,
    at TIMESTAMP NOT NULL
);

CREATE INDEX idx_runs_story ON pipeline_runs(story_id);
CREATE INDEX idx_runs_status ON pipeline_runs(status);
CREATE INDEX idx_assets_run ON assets(run_id);
CREATE INDEX idx_feedback_target ON feedback(target_type, target_id);
CREATE INDEX idx_costs_run ON costs(run_id);
CREATE INDEX idx_costs_at ON costs(at);

-- What each provider and model cost per day.
CREATE VIEW daily_costs AS
SELECT date_trunc('day', at)::date AS day, provider, model,
       count(*) AS calls, sum(units) AS units, sum(usd) AS usd, sum(compute_seconds) AS compute_seconds
FROM costs
GROUP BY 1, 2, 3;
