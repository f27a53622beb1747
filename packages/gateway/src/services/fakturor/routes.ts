import { maxInvoiceDocumentBytes, operations, problemTypes } from '@kommunkit/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { personnummerOf, type SessionStore } from '../../auth/sessions.js';
import type { ResolvedConfig } from '../../config/load.js';
import type { KommunConfig } from '../../config/schema.js';
import { requireBearerKey, requireCitizen, requireService } from '../../http/guards.js';
import { pageRequest, numberedPage } from '../../http/pagination.js';
import { HttpProblem } from '../../http/problem.js';
import { anonymousWrite } from '../../http/rate-limits.js';
import type { Gateway } from '../../types.js';
import { InvoiceRefused, today, type Fakturor } from './domain.js';
import { toFinanceInvoice, toInvoice, toInvoiceSummary } from './mapping.js';
import { invoicePdf } from './pdf.js';
import { UblRefused } from './ubl/parse.js';

const financeDetail = 'Ange kommunens nyckel för ekonomisystemet: Authorization: Bearer <nyckel>.';
const notYours = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen faktura med det id:t som du kan se.');
const unknown = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen faktura med det id:t.');

/** The answer of a refused use case, in the contract's words. */
async function inProblemWords<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UblRefused) {
      throw new HttpProblem(422, problemTypes.validation, `Dokumentet togs inte emot: ${error.errors.length === 1 ? error.errors[0]!.detail : `${String(error.errors.length)} fel, se errors.`} Inget av det sparades.`, error.errors);
    }
    if (!(error instanceof InvoiceRefused)) throw error;
    if (error.kind === 'conflict') throw new HttpProblem(409, problemTypes.conflict, error.message);
    throw new HttpProblem(422, problemTypes.validation, error.message, error.errors);
  }
}

/** A file name for the download: the invoice number with nothing a header or a file system would mind. */
const fileName = (number: string, type: 'invoice' | 'creditNote') => `${type === 'invoice' ? 'faktura' : 'kreditnota'}-${number.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)}.pdf`;

/**
 * Mina fakturor's contract operations: the logged-in citizen's invoices (their own by
 * personnummer and their föreningar's; anyone else's are a 404), and the finance system's
 * import, status updates, answers and lists with the kommun's `financeApiKey`.
 */
export function fakturorRoutes(
  app: Gateway,
  { config, sessions, fakturor, foreningarOf }: { config: ResolvedConfig; sessions: SessionStore; fakturor: Fakturor; foreningarOf: (subject: string) => string[] },
): void {
  const rateLimit = anonymousWrite(config);
  const citizen = async (request: FastifyRequest): Promise<{ kommun: KommunConfig; keys: string[] }> => {
    const { kommun } = requireService(request, 'fakturor');
    const session = await requireCitizen(request, sessions);
    return { kommun, keys: fakturor.recipientKeys(personnummerOf(session), foreningarOf(session.subject)) };
  };
  const finance = (request: FastifyRequest): KommunConfig => {
    const { kommun, settings } = requireService(request, 'fakturor');
    requireBearerKey(request, settings.financeApiKey, financeDetail);
    return kommun;
  };

  app.route({
    ...operations.listInvoices,
    handler: async (request, reply) => {
      const { kommun, keys } = await citizen(request);
      const page = pageRequest(request.query, 'number');
      const { rows, total, years } = await fakturor.list(kommun.id, keys, { filter: request.query.filter ?? 'all', year: request.query.year, offset: page.offset, limit: page.pageSize });
      const day = today();
      void reply.header('cache-control', 'private, no-store');
      return { ...numberedPage(rows.map((row) => toInvoiceSummary(row, day)), page, total), years };
    },
  });

  app.route({
    ...operations.getInvoice,
    handler: async (request, reply) => {
      const { kommun, keys } = await citizen(request);
      const invoice = await fakturor.get(kommun.id, request.params.id, keys);
      if (!invoice) throw notYours();
      void reply.header('cache-control', 'private, no-store');
      return toInvoice(invoice, today());
    },
  });

  app.route({
    ...operations.invoicePdf,
    handler: async (request, reply) => {
      const { kommun, keys } = await citizen(request);
      const stored = await fakturor.storedPdf(kommun.id, request.params.id, keys);
      if (!stored) throw notYours();
      const invoice = (await fakturor.get(kommun.id, request.params.id, keys))!;
      const bytes = stored.pdf ?? Buffer.from(await invoicePdf(invoice.document));
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${fileName(invoice.document.number, invoice.document.documentType)}"`)
        // Bytes go out as they are (Fastify serialises no Buffer); the contract's schema only documents them.
        .send(bytes as unknown as string);
    },
  });

  app.route({
    ...operations.sendInvoiceMessage,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun, keys } = await citizen(request);
      const invoice = await inProblemWords(() => fakturor.message(kommun.id, request.params.id, keys, request.body));
      if (!invoice) throw notYours();
      return reply.code(201).send(toInvoice(invoice, today()));
    },
  });

  // The import reads XML and nothing else: a scope of its own with only that parser.
  void app.register(async (scope) => {
    const xml = scope.withTypeProvider<TypeBoxTypeProvider>();
    xml.removeAllContentTypeParsers();
    xml.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: maxInvoiceDocumentBytes }, (_request, body, done) => {
      try {
        // Peppol BIS 3 documents are UTF-8; a byte order mark is allowed, other encodings are not.
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body as Buffer);
        done(null, text);
      } catch {
        done(new HttpProblem(422, problemTypes.validation, 'Dokumentet är inte UTF-8. Peppol BIS Billing 3.0 skickas i UTF-8.', [{ pointer: '/body', detail: 'Dokumentet är inte giltig UTF-8.' }]), undefined);
      }
    });
    xml.route({
      ...operations.importInvoice,
      bodyLimit: maxInvoiceDocumentBytes,
      config: { keyAuthenticated: true },
      handler: async (request, reply) => {
        const kommun = finance(request);
        const { created, invoice } = await inProblemWords(() => fakturor.import(kommun.id, request.body));
        return reply.code(created ? 201 : 200).send(toFinanceInvoice(invoice, today()));
      },
    });
  });

  app.route({
    ...operations.getFinanceInvoice,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const kommun = finance(request);
      const invoice = await fakturor.get(kommun.id, request.params.id);
      if (!invoice) throw unknown();
      return toFinanceInvoice(invoice, today());
    },
  });

  app.route({
    ...operations.updateInvoiceStatus,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const kommun = finance(request);
      const invoice = await inProblemWords(() => fakturor.updateStatus(kommun.id, request.params.id, request.body));
      if (!invoice) throw unknown();
      return toFinanceInvoice(invoice, today());
    },
  });

  app.route({
    ...operations.answerInvoiceMessage,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const kommun = finance(request);
      const invoice = await inProblemWords(() => fakturor.answer(kommun.id, request.params.id, request.body.text));
      if (!invoice) throw unknown();
      return reply.code(201).send(toFinanceInvoice(invoice, today()));
    },
  });

  app.route({
    ...operations.listInvoiceMessages,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const kommun = finance(request);
      const page = pageRequest(request.query, 'number');
      const { rows, total } = await fakturor.messages(kommun.id, { unanswered: request.query.unanswered === true, offset: page.offset, limit: page.pageSize });
      return numberedPage(
        rows.map((row) => ({ id: row.id, from: 'citizen' as const, kind: row.kind as 'bestrid' | 'avbetalningsplan', text: row.text, at: row.at.toISOString(), invoiceId: row.invoice_id, invoiceNumber: row.number, answered: row.answered })),
        page,
        total,
      );
    },
  });

  app.route({
    ...operations.listUnmatchedInvoices,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const kommun = finance(request);
      const page = pageRequest(request.query, 'number');
      const { rows, total } = await fakturor.unmatched(kommun.id, { offset: page.offset, limit: page.pageSize });
      const day = today();
      return numberedPage(rows.map((row) => toFinanceInvoice(row, day)), page, total);
    },
  });
}
