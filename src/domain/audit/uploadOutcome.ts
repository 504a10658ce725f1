/** How the upload of a file handed out went, as an audit line written before it records afterwards. */
export const UploadOutcome = {
  Sent: "sent",
  /** Discord refused the file as larger than it accepts there (413, 40005, 50045). */
  TooLarge: "too_large",
  /** Discord answered the upload with another 4xx refusal: it did not take the file. */
  Refused: "refused",
  /**
   * Anything else (no answer in time, a dropped connection, 5xx after the retries): Discord may have posted the
   * file before failing, so this is not "not sent". Lines written before "refused" existed also read this way.
   */
  Failed: "failed",
} as const;
export type UploadOutcome = (typeof UploadOutcome)[keyof typeof UploadOutcome];
