-- When the daemon first watched a folder. Mail older than that was left alone at the first start and
-- must stay alone when a UIDVALIDITY change makes the daemon look at the whole folder again.
ALTER TABLE checkpoint ADD COLUMN watched_since TIMESTAMP WITH TIME ZONE;
