/** How the upload of a file handed out went, as an audit line written before it records afterwards. */
export const UploadOutcome = {
  Sent: "sent",
  /** Discord refused the file as larger than it accepts there (413, 40005, 50045). */
  TooLarge: "too_large",
  /** Any other failure of the reply carrying the file. */
  Failed: "failed",
} as const;
export type UploadOutcome = (typeof UploadOutcome)[keyof typeof UploadOutcome];
