-- The event table's identity drew each value with its own write of the sequence to H2's metadata (NO CACHE): one
-- system commit per event, about 8 % of an import's request thread. A cache of 100 reserves values in blocks; a
-- normal shutdown gives the unused ones back, a crash skips at most 100 values. A skipped value is a gap in
-- globalIndex only, like a rolled-back transaction's (V1): Axon's GapAwareTrackingToken passes gaps, and nothing
-- in the ledger reads meaning into globalIndex beyond its order, which a cache does not change.
ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex SET CACHE 100;
