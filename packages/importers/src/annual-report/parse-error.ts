// The one error the annual-report parser throws: the file could not be read at all (CLI exit 2).
// Anything readable yields a result, however poor, with its problems in `warnings` and `checks`.

export type ReportParseErrorCode =
  | 'empty' // no bytes, or only whitespace
  | 'too_large' // beyond MAX_INPUT_BYTES
  | 'binary' // not text, HTML, Word or PDF
  | 'unsupported' // a known format we do not read (.doc, .xlsx, images, RTF)
  | 'scanned_pdf' // a PDF without a text layer
  | 'bad_pdf' // a PDF that pdf.js cannot open
  | 'bad_docx' // a .docx that cannot be unpacked
  | 'timeout'; // a document that took too long to open

export class ReportParseError extends Error {
  override readonly name = 'ReportParseError';
  constructor(
    readonly code: ReportParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isReportParseError(error: unknown): error is ReportParseError {
  return error instanceof ReportParseError;
}
