-- The schema registry keeps its storage in a database of its own, beside krag's tables in `krag`.
-- Runs once, when the data volume is first initialised.
CREATE DATABASE registry;
