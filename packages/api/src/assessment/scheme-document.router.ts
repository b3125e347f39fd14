import {
  schemeDocumentConfirmInputSchema,
  schemeDocumentExportInputSchema,
  schemeDocumentProposeInputSchema,
} from '@kaoping/contracts/scoring/scheme-document';
import { officeProcedure, readerProcedure, router } from '../trpc';
import { confirmSchemeImport, exportSchemeDocument, proposeSchemeImport } from './scheme-document.service';

// The office's 考核细则 as .xlsx/.docx (issue #13): propose (writes nothing; a mutation only to
// carry the upload), confirm (stores the scheme), export the published document.
export const schemeDocumentRouter = router({
  propose: officeProcedure.input(schemeDocumentProposeInputSchema).mutation(({ ctx, input }) => proposeSchemeImport(ctx, input)),
  confirm: officeProcedure.input(schemeDocumentConfirmInputSchema).mutation(({ ctx, input }) => confirmSchemeImport(ctx, input)),
  /** The published .docx/.xlsx (base64); a query, since it writes nothing. */
  export: readerProcedure.input(schemeDocumentExportInputSchema).query(({ ctx, input }) => exportSchemeDocument(ctx, input)),
});
