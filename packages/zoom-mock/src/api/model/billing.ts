import { ZoomApiFailure } from "./api-failure.js";
import type { IdSource } from "./id-source.js";

/** One line of an invoice, as a test records it. */
export interface InvoiceLineInput {
  /** What was charged, e.g. a plan or an add-on. */
  chargeName: string;
  quantity: number;
  /** Amounts as Zoom writes them: decimal strings in the account's currency. */
  totalAmount: string;
  taxAmount: string;
  invoiceNumber?: string;
  /** Default: the billing period's dates. */
  startDate?: string;
  endDate?: string;
}

/** A billing period of the account, as a test records it. */
export interface BillingPeriodInput {
  /** `yyyy-mm-dd`. */
  startDate: string;
  endDate: string;
  /** 0 detailed, 1 custom (default 0). */
  type?: 0 | 1;
  totalAmount: string;
  taxAmount: string;
  invoices?: readonly InvoiceLineInput[];
}

interface BillingPeriod {
  row: { id: string; start_date: string; end_date: string; type: 0 | 1; total_amount: string; tax_amount: string };
  invoices: Record<string, unknown>[];
}

/**
 * The account's department billing: billing periods with their totals and invoice lines, for
 * `GET /report/billing` and `GET /report/billing/invoices`. Tests record the periods; an unknown
 * `billing_id` answers 404 code 5010.
 */
export class Billing {
  readonly #periods: BillingPeriod[] = [];
  readonly #ids: IdSource;
  readonly #currency: string;

  constructor(ids: IdSource, currency = "USD") {
    this.#ids = ids;
    this.#currency = currency;
  }

  /** Test hook: adds a billing period; returns its `id` (the `billing_id` of its invoices). */
  addPeriod(input: BillingPeriodInput): string {
    const id = this.#ids.entityId();
    this.#periods.push({
      row: { id, start_date: input.startDate, end_date: input.endDate, type: input.type ?? 0, total_amount: input.totalAmount, tax_amount: input.taxAmount },
      invoices: (input.invoices ?? []).map((line) => ({
        invoice_charge_name: line.chargeName,
        quantity: line.quantity,
        total_amount: line.totalAmount,
        tax_amount: line.taxAmount,
        start_date: line.startDate ?? input.startDate,
        end_date: line.endDate ?? input.endDate,
        ...(line.invoiceNumber === undefined ? {} : { invoice_number: line.invoiceNumber }),
      })),
    });
    return id;
  }

  /** `GET /report/billing`: every billing period, newest first. */
  report() {
    const periods = [...this.#periods].sort((a, b) => b.row.start_date.localeCompare(a.row.start_date));
    return { currency: this.#currency, billing_reports: periods.map((period) => ({ ...period.row })) };
  }

  /** `GET /report/billing/invoices?billing_id=`: the period's invoice lines. */
  invoices(billingId: string) {
    const period = this.#periods.find((candidate) => candidate.row.id === billingId);
    if (period === undefined) throw new ZoomApiFailure(404, 5010, "Report does not exist.");
    return { currency: this.#currency, invoices: structuredClone(period.invoices) };
  }
}
