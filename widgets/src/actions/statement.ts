// The payout statement's actions: a rep disputes a line of their own statement (OpenDispute),
// and each line shows its disputes and their resolutions; the rep's manager (or an admin)
// approves the statement by the hash they read (ApprovePayout), a changed statement refused.
import { claimsOf } from '../base/claims';
import type { Statement, StatementLine } from '../guards';
import { Actions, fieldsOf, randomId } from './host';

const REASONS = ['wrong-amount', 'missing-sale', 'wrong-rate', 'other'] as const;

interface Dispute {
  disputeId: string;
  period: string;
  lineId: string;
  reason: string;
  text: string;
  status: 'open' | 'upheld' | 'rejected';
  resolution?: { note?: string; amount?: number };
}

export class StatementActions extends Actions {
  #disputes: Dispute[] = [];
  #readFor: Statement | undefined;
  /** The hash the manager read when opening the approval: what they approve, even if the statement repaints meanwhile. */
  #pinned = '';

  /** What the token may do here; nothing on a past moment (`as-of`), which is for reading. */
  rights(s: Statement): { dispute: boolean; approve: boolean } {
    const { role, sub } = claimsOf(this.host.el.token);
    const now = !this.host.el.asOf;
    return { dispute: now && role === 'rep' && sub === s.repId, approve: now && s.status === 'open' && !!s.statementHash && (role === 'manager' || role === 'admin') };
  }

  /** Whether a table of lines needs a column for disputes: the rep may open one, or one of its lines has some. */
  column(s: Statement, lines: StatementLine[]): boolean {
    this.#read(s);
    return this.rights(s).dispute || this.#disputes.some((d) => d.period === s.period && lines.some((l) => l.lineId === d.lineId));
  }

  /** The disputes of a statement, read again whenever the statement is (the stream repaints both). */
  #read(s: Statement): void {
    if (this.#readFor === s) return;
    this.#readFor = s;
    this.host
      .request('/api/disputes', { query: { rep: s.repId } })
      .then((a) => {
        const list = (a as { disputes?: Dispute[] } | undefined)?.disputes;
        this.#disputes = Array.isArray(list) ? list : [];
        this.host.el.requestUpdate();
      })
      .catch(() => {}); // the statement still shows; its disputes are extra
  }

  columnHead(): unknown {
    return this.lit.html`<th scope="col">${this.say('disputeColumn')}</th>`;
  }

  /** A line's cell: its disputes with their outcome, and the rep's dispute button. */
  cell(s: Statement, l: StatementLine, name: string): unknown {
    const { html, nothing } = this.lit;
    const mine = this.#disputes.filter((d) => d.period === s.period && d.lineId === l.lineId);
    const key = `dispute:${l.lineId}`;
    const canOpen = this.rights(s).dispute && !mine.some((d) => d.status === 'open');
    if (!mine.length && !canOpen) return html`<td></td>`;
    return html`<td>
      ${mine.length
        ? html`<div class="disputes">
            ${mine.map(
              (d) => html`<div data-dispute=${d.disputeId} data-status=${d.status}>
                <span class="chip dispute-${d.status}">${this.say(`dispute.${d.status}`)}${d.resolution?.amount ? ` ${this.host.i18n.money(d.resolution.amount, true)}` : ''}</span>
                <span class="muted">${this.#reason(d.reason)}: ${d.text}</span>
                ${d.resolution?.note ? html`<span class="muted">${d.resolution.note}</span>` : nothing}
              </div>`,
            )}
          </div>`
        : nothing}
      ${canOpen
        ? html`<button type="button" data-opens=${key} aria-label=${this.say('disputeButton', { line: name })} aria-expanded=${this.open === key ? 'true' : 'false'} @click=${() => this.toggle(key)}>${this.say('dispute')}</button>`
        : nothing}
    </td>`;
  }

  #reason(r: string): string {
    return (REASONS as readonly string[]).includes(r) ? this.say(`reason.${r as (typeof REASONS)[number]}`) : r;
  }

  /** The dispute form under a line, while it is open. */
  form(s: Statement, l: StatementLine, name: string, cols: number): unknown {
    const { html, nothing } = this.lit;
    const key = `dispute:${l.lineId}`;
    if (this.open !== key) return nothing;
    const title = this.say('disputeLine', { line: name });
    return html`<tr>
      <td colspan=${cols}>
        <form part="dispute-form" data-form=${key} aria-label=${title} @keydown=${this.escape} @submit=${(e: SubmitEvent) => this.#dispute(e, s, l)}>
          <h3>${title}</h3>
          <label>${this.say('reason')}
            <select name="reason">${REASONS.map((r) => html`<option value=${r}>${this.#reason(r)}</option>`)}</select>
          </label>
          <label>${this.say('details')} <textarea name="text" rows="3" required maxlength="1000"></textarea></label>
          ${this.refusal()} ${this.buttons(this.say('sendDispute'), key)}
        </form>
      </td>
    </tr>`;
  }

  async #dispute(e: SubmitEvent, s: Statement, l: StatementLine): Promise<void> {
    const f = fieldsOf(e);
    const disputeId = `dsp-${randomId()}`;
    const data = { disputeId, repId: s.repId, period: s.period, lineId: l.lineId, reason: f.reason ?? 'other', text: f.text ?? '' };
    const events = await this.send('OpenDispute', data, this.say('disputeSent', { id: disputeId }), 'statement');
    if (events) this.host.emit('dispute-opened', { disputeId, lineId: l.lineId, events });
  }

  /** Below the lines: the manager's approval by the hash shown, and the status line. */
  footer(s: Statement): unknown {
    const { html, nothing } = this.lit;
    const key = 'approve';
    const title = this.say('approveTitle', { rep: s.repId, period: s.period });
    return html`${this.rights(s).approve
        ? this.open === key
          ? html`<form class="approve" data-form=${key} aria-label=${title} @keydown=${this.escape} @submit=${(e: SubmitEvent) => this.#approve(e, s)}>
              <h3>${title}</h3>
              <label>${this.say('hash')} <input name="statementHash" readonly .value=${this.#pinned} class="hash" /></label>
              <p class="hint">${this.say('approveHint')}</p>
              ${this.refusal()} ${this.buttons(this.say('approve'), key)}
            </form>`
          : html`<div class="toolbar approve">
              <button class="primary" type="button" data-opens=${key} aria-expanded="false" @click=${() => ((this.#pinned = s.statementHash ?? ''), this.toggle(key))}>${this.say('approve')}</button>
            </div>`
        : nothing}
      ${this.status('statement')}`;
  }

  async #approve(e: SubmitEvent, s: Statement): Promise<void> {
    const f = fieldsOf(e);
    await this.send('ApprovePayout', { repId: s.repId, period: s.period, statementHash: f.statementHash }, this.say('approved'), 'statement');
  }
}
