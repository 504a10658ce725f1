/** A built-in learning-path document, as read from prisma/seed. */
export interface SeedDocument {
  readonly name: string;
  readonly text: string;
}
