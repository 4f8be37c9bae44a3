// The review panel's actions for a manager (or an admin): add an action item (title, owner,
// due date), mark one done, record a lesson (keep / stop / try) on the period under review.
import { claimsOf } from '../base/claims';
import type { Rec } from '../guards';
import { Actions, fieldsOf, randomId } from './host';

const LESSON_KINDS = ['keep', 'stop', 'try'] as const;

export interface ReviewScope {
  /** The period under review, `2026-07` or `2026-Q3`. */
  period: string;
  /** The panel's team, if it names one. */
  team: string;
}

/** Someone offered as an item's owner: a rep (ownerRepId) or a colleague of another department (ownerColleagueId). */
interface Owner {
  id: string;
  label: string;
  colleague: boolean;
}

/** The company's colleagues of other departments (GET /api/colleagues). */
const colleaguesOf = (list: Rec[]): Owner[] =>
  list.flatMap(({ colleagueId, name, department }) => (typeof colleagueId === 'string' ? [{ id: colleagueId, label: `${String(name)} · ${String(department)}`, colleague: true }] : []));

const listOf = (answer: unknown, key: string): Rec[] => {
  const list = (answer as Rec | undefined)?.[key];
  return Array.isArray(list) ? (list as Rec[]) : [];
};

export class ReviewActions extends Actions {
  /**
   * Offered as owners: the team's reps (id and name) from the leaderboard every role may read,
   * and the colleagues of other departments; any other id is typed.
   */
  #owners: Owner[] = [];
  #ownersFor = '';

  /** Managers run their team's reviews; an admin any. Nothing on a past moment (`as-of`). */
  get allowed(): boolean {
    const { role } = claimsOf(this.host.el.token);
    return !this.host.el.asOf && (role === 'manager' || role === 'admin');
  }

  #team(scope: ReviewScope): string | undefined {
    return scope.team || claimsOf(this.host.el.token).team || undefined;
  }

  /** The "add action item" button, or its form. */
  items(scope: ReviewScope): unknown {
    const { html, nothing } = this.lit;
    if (!this.allowed) return nothing;
    const key = 'item';
    if (this.open !== key)
      return html`<div class="toolbar"><button type="button" data-opens=${key} aria-expanded="false" @click=${() => this.#openItem(scope)}>${this.say('addItem')}</button></div>${this.status(key)}`;
    const title = this.say('addItem');
    return html`<form data-form=${key} aria-label=${title} @keydown=${this.escape} @submit=${(e: SubmitEvent) => this.#addItem(e, scope)}>
      <h3>${title}</h3>
      <label>${this.say('title')} <input name="title" required maxlength="300" autocomplete="off" /></label>
      <div class="row">
        <label>${this.say('owner')} <input name="owner" list="tally-owners" autocomplete="off" /></label>
        <label>${this.say('due')} <input name="due" type="date" required /></label>
      </div>
      <datalist id="tally-owners">${this.#owners.map((o) => html`<option value=${o.id}>${o.label}</option>`)}</datalist>
      ${this.refusal()} ${this.buttons(this.say('save'), key)}
    </form>`;
  }

  #openItem(scope: ReviewScope): void {
    this.toggle('item');
    const team = this.#team(scope);
    const want = `${scope.period}|${team ?? ''}`;
    if (this.#ownersFor === want) return;
    this.#ownersFor = want;
    const answer = (path: string, query: Record<string, string | undefined>) => this.host.request(path, { query }).catch(() => undefined); // an owner not offered is typed
    void Promise.all([answer('/api/leaderboard', { period: scope.period, team }), answer('/api/colleagues', {})]).then(([board, colleagues]) => {
      const reps = listOf(board, 'entries').flatMap((e) => (typeof e.repId === 'string' ? [{ id: e.repId, label: typeof e.name === 'string' ? e.name : e.repId, colleague: false }] : []));
      this.#owners = [...reps, ...colleaguesOf(listOf(colleagues, 'colleagues'))];
      this.host.el.requestUpdate();
    });
  }

  async #addItem(e: SubmitEvent, scope: ReviewScope): Promise<void> {
    const f = fieldsOf(e);
    const team = this.#team(scope);
    const data = { actionId: `act-${randomId()}`, title: f.title, due: f.due, period: scope.period, ...this.#owner(f.owner), ...(team ? { teamId: team } : {}) };
    await this.send('AddActionItem', data, this.say('itemAdded', { title: f.title ?? '' }), 'item');
  }

  /** The owner field as the command names it: a colleague offered as one, else a rep. */
  #owner(id: string | undefined): Record<string, string> {
    if (!id) return {};
    return this.#owners.some((o) => o.colleague && o.id === id) ? { ownerColleagueId: id } : { ownerRepId: id };
  }

  /** The column of "done" buttons beside the action items. */
  doneHead(): unknown {
    const { html, nothing } = this.lit;
    return this.allowed ? html`<th scope="col"><span class="sr">${this.say('done')}</span></th>` : nothing;
  }

  /** A "done" button for an item not done yet. */
  doneCell(row: Rec, title: string, status: string): unknown {
    const { html, nothing } = this.lit;
    if (!this.allowed) return nothing;
    const id = typeof row.actionId === 'string' ? row.actionId : undefined;
    // an item already done has an empty cell (:empty, so a phone's stacked row leaves it out)
    return html`<td>${id && status !== 'done'
      ? html`<button type="button" aria-label=${this.say('doneButton', { title })} ?disabled=${this.sending} @click=${() => this.#done(id, title)}>${this.say('done')}</button>`
      : nothing}</td>`;
  }

  async #done(actionId: string, title: string): Promise<void> {
    // the button is the whole form: a refusal is said in the status line
    if (!(await this.send('CompleteActionItem', { actionId, occurredAt: new Date().toISOString() }, this.say('itemDone', { title }), 'item'))) {
      [this.notice, this.noticeAt, this.error] = [`${this.say('refused')} ${this.error}`, 'item', ''];
      this.host.el.requestUpdate();
    }
  }

  /** The "add lesson" button, or its form (keep / stop / try and the lesson). */
  lessons(scope: ReviewScope): unknown {
    const { html, nothing } = this.lit;
    if (!this.allowed) return nothing;
    const key = 'lesson';
    if (this.open !== key)
      return html`<div class="toolbar"><button type="button" data-opens=${key} aria-expanded="false" @click=${() => this.toggle(key)}>${this.say('addLesson')}</button></div>${this.status(key)}`;
    const title = this.say('addLesson');
    return html`<form data-form=${key} aria-label=${title} @keydown=${this.escape} @submit=${(e: SubmitEvent) => this.#addLesson(e, scope)}>
      <h3>${title}</h3>
      <label>${this.say('kind')}
        <select name="kind">${LESSON_KINDS.map((k) => html`<option value=${k}>${this.host.i18n.label('lesson', k)}</option>`)}</select>
      </label>
      <label>${this.say('lesson')} <textarea name="text" rows="2" required maxlength="1000"></textarea></label>
      ${this.refusal()} ${this.buttons(this.say('save'), key)}
    </form>`;
  }

  async #addLesson(e: SubmitEvent, scope: ReviewScope): Promise<void> {
    const f = fieldsOf(e);
    const team = this.#team(scope);
    await this.send('RecordLesson', { lessonId: `lsn-${randomId()}`, period: scope.period, kind: f.kind, text: f.text, ...(team ? { teamId: team } : {}) }, this.say('lessonAdded'), 'lesson');
  }
}
