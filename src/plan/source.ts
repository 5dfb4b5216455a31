/**
 * What every reader of a file format hands to the core: the document as lines with positions, and what the
 * format itself could tell about paragraphs, pages and tables. Plain text, .docx, .pdf and .html all arrive
 * in this one shape, so the parser never knows which format it reads.
 */
import type { Problem } from './problem.ts';

/** The formats a plan may arrive in. */
export type SourceFormat = 'text' | 'docx' | 'pdf' | 'html';

/** One non-empty line (or paragraph, or table) of the source, trimmed, with where it came from. */
export interface SourceLine {
  /** The text without leading or trailing whitespace (for a table: its cells joined, for conservation checks). */
  text: string;
  /** 1-based line number in the text rendition of the file (for messages: path:line:col). */
  line: number;
  /** 1-based column (code points) where `text` starts. */
  column: number;
  /**
   * Where the line stands in its paragraph, when the format knows: `start` for a .docx/.html paragraph or an
   * indented first line in a PDF, `continue` for a wrapped line of a PDF paragraph. Absent in plain text,
   * where the reader decides (see layout.ts).
   */
  para?: 'start' | 'continue';
  /** 1-based page the line is on, when the format has pages (PDF, or form feeds in text). */
  page?: number;
  /** Plain text: true when one or more blank lines came right before this line. */
  afterBlank?: boolean;
  /** Leading indent in characters (plain text: spaces and U+3000; PDF: from the x position), when known. */
  indent?: number;
  /** The line is a table read from .docx or .html: rows of cell texts. */
  table?: string[][];
}

/** What a line of web-page furniture was (web-furniture.ts), for the summary a person confirms. */
export type WebShape = 'breadcrumb' | 'page facts' | 'document-site marks' | 'view count' | 'page tools' | 'page headline' | 'site footer' | 'download link' | 'print header' | 'page address' | 'site navigation';

/** Page furniture that a reader recognised and left out of the official text. */
export interface Furniture {
  /** `web-page`: a line a web page added around the document (its `shape` says which). */
  kind: 'page-number' | 'running-header' | 'contents' | 'form-feed' | 'web-page';
  /** For `web-page` furniture: what the line was. */
  shape?: WebShape;
  /** The text that was left out. */
  text: string;
  /** Where it was, as for SourceLine. */
  line: number;
  page?: number;
}

/** A file read into lines, ready for the parser. */
export interface SourceDocument {
  format: SourceFormat;
  /** Text encoding, where the format has one (text, html). */
  encoding?: string;
  lines: SourceLine[];
  /** Furniture the format reader already removed (e.g. PDF page numbers found by position). */
  removed: Furniture[];
  /** Located warnings: places the reader could not settle with certainty. */
  warnings: Problem[];
}
