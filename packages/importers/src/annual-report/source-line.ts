// A line of the text the parser reads, with the 1-based line number it is reported under.
export interface SourceLine {
  text: string;
  line: number;
  /** Index of the line in the source's lines, and where this text starts in it (a part of a crawler line). */
  src?: number;
  offset?: number;
}

/** Splits text into numbered lines (\r\n, \r and \n all end a line). */
export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}
