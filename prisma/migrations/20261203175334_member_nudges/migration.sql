-- AlterTable (SQLite adds a column with a constant default in place; no table rebuild)
ALTER TABLE "Member" ADD COLUMN "nudges" BOOLEAN NOT NULL DEFAULT true;
